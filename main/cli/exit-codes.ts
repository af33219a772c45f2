/**
 * The exit status of every entry point: `npx refund-desk`, the packaged app's executable running a
 * command or opening the window, and bin/refund-desk.cjs before a build. Scripts branch on these.
 */
export const EXIT = { ok: 0, failed: 1, usage: 2, internal: 70, adminPin: 77 } as const;

export const EXIT_CODES: readonly { code: number; meaning: string }[] = [
  { code: EXIT.ok, meaning: "done" },
  { code: EXIT.failed, meaning: "the work failed: Eko, the keychain or the disk refused or could not be reached" },
  { code: EXIT.usage, meaning: "usage or invalid input; nothing was changed" },
  // EX_SOFTWARE of sysexits.h: a fault of the program, not of what it was asked.
  { code: EXIT.internal, meaning: "Refund Desk itself failed unexpectedly, or the checkout is not built" },
  // EX_NOPERM of sysexits.h: what was asked is an admin's on this counter.
  {
    code: EXIT.adminPin,
    meaning:
      "refused: on a kiosk counter this needs the admin PIN on standard input, and it was missing or wrong (or a wrong-PIN wait runs)",
  },
];

/** The table as `--help` prints it. */
export function exitCodeTable(): string {
  return EXIT_CODES.map(({ code, meaning }) => `  ${String(code).padStart(2)}  ${meaning}`).join("\n");
}
