import { hostname, userInfo } from "node:os";

/**
 * Whose journal a witness line is: `user@computer`, neither of which the account at the counter
 * can change, so lines it wrote stay held against its journal whatever it does to its files.
 * Several accounts running the app on one PC share one OS log; this keeps their journals apart.
 * `folderTag` tells apart the data folders of one account in development (REFUND_DESK_HOME);
 * packaged, there is one per account and the tag is empty.
 */
export function witnessAccount(
  folderTag: string,
  system: { user: () => string; host: () => string } = { user: () => userInfo().username, host: hostname },
): string {
  let user: string;
  try {
    user = system.user();
  } catch {
    // An account with no name (a container's bare uid) is still one account.
    user = `uid-${process.getuid?.() ?? "unknown"}`;
  }
  return `${user}@${system.host()}${folderTag}`;
}
