/**
 * Every refund-desk command and the options it takes (without the leading "--"): the commands parse
 * their options from this table, scripts/documented-cli.test.ts holds the help text and the docs to
 * it, and the packaged app's launch check (main/launch/launch-switches.ts) lets these through and
 * refuses every other switch.
 */
interface CommandOptions {
  /** Options on their own. */
  readonly flags: readonly string[];
  /** Options followed by a value. */
  readonly values: readonly string[];
}

const NONE: CommandOptions = { flags: [], values: [] };

export const COMMAND_OPTIONS = {
  "set-key": NONE,
  "set-token-pin": NONE,
  "config show": NONE,
  "config set": NONE,
  otp: NONE,
  inquire: NONE,
  refund: { flags: [], values: ["otp-ref"] },
  pending: NONE,
  doctor: NONE,
  provision: { flags: ["key-stdin", "pin-stdin"], values: ["file", "key-file", "pin-file"] },
  "pin-hash": NONE,
  "journal export": { flags: [], values: ["from", "to", "out"] },
  "journal summary": { flags: [], values: ["date"] },
  "journal verify": { flags: ["against-os-log"], values: ["from", "to", "os-log-file", "os-log-account"] },
} as const satisfies Record<string, CommandOptions>;

/** Options any command takes: `--json`, `--lang en|hi`, and `--help` / `--version` in place of a command. */
export const GLOBAL_OPTIONS: readonly string[] = ["json", "lang", "help", "version"];

export const CLI_OPTIONS: readonly string[] = [
  ...new Set([
    ...GLOBAL_OPTIONS,
    ...Object.values(COMMAND_OPTIONS).flatMap((options: CommandOptions) => [...options.flags, ...options.values]),
  ]),
];
