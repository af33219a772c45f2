import { userInfo } from "node:os";

/**
 * Whose journal a witness line is, as the OS knows the account, never as the account says: on
 * macOS and Linux its uid (a name looked up in a directory that is down would read differently),
 * on Windows its logon name, which a standard user cannot rename, in lower case (its case can
 * follow how the session logged on). Nothing the account can change on its own — its environment,
 * the computer's network name — moves its lines to another journal. Several accounts running the
 * app on one PC share one OS log; this keeps their journals apart. `folderTag` tells apart the
 * data folders of one account in development (REFUND_DESK_HOME); packaged, there is one per account.
 */
export function witnessAccount(
  folderTag: string,
  system: { uid: number | undefined; user: () => string } = {
    uid: process.getuid?.(),
    user: () => userInfo().username,
  },
): string {
  if (system.uid !== undefined) return `uid-${system.uid}${folderTag}`;
  let user: string;
  try {
    user = system.user().toLowerCase();
  } catch {
    user = "unknown-user";
  }
  return `${user}${folderTag}`;
}
