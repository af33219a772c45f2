/**
 * Every option the refund-desk commands take (without the leading "--"). The packaged app's
 * launch check (main/launch/launch-switches.ts) lets these through and refuses every other switch.
 */
export const CLI_OPTIONS: readonly string[] = [
  "json",
  "help",
  "file",
  "key-stdin",
  "key-file",
  "pin-stdin",
  "pin-file",
  "otp-ref",
  "from",
  "to",
  "out",
  "lang",
];
