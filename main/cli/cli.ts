import { loadCatalogue } from "../../app/messages/catalogues";
import { catalogue, describeDoctorCheck, fill, type Lang } from "../../app/messages/describe-error";
import type { DoctorReport } from "../../app/doctor";
import type { DeskPolicy } from "../../app/policy";
import { appVersion } from "../launch/app-version";
import { createRefundDesk, openRefundDesk, type RefundDesk } from "../refund-desk";
import { readAll, report, withProgress, type CliDeps, type CliIo } from "./cli-common";
import { COMMAND_OPTIONS } from "./cli-options";
import { rows, when } from "./cli-format";
import { LOCKED_OUT_FIELDS } from "../admin/settings-lock";
import { takeLang } from "./cli-lang";
import { CONFIG_NAMES, configProblem, formatSettings, parseConfigPairs, type ConfigProblem } from "./config-set";
import { didYouMean } from "./did-you-mean";
import { EXIT, exitCodeTable } from "./exit-codes";
import { journalCommand } from "./journal-export";
import { pinHashCommand } from "./pin-hash";
import { provision } from "./provision";
import { inquireCommand, pendingCommand, refundCommand } from "./refund-commands";
import { cliWords, type CliMessages } from "../../app/messages/cli-words";

export { EXIT, type CliDeps, type CliIo };

const COMMANDS: readonly string[] = [
  ...new Set(Object.keys(COMMAND_OPTIONS).map((command) => command.split(" ")[0] as string)),
  "help",
  "--help",
  "-h",
  "--version",
  "version",
];

const USAGE = `Usage: refund-desk <command> [--lang en|hi]   (refund-desk --version: the app's version)

  --lang en|hi                  the language of the answers and errors (--json's fields stay as they
                                are); without it, Hindi when LC_ALL, LC_MESSAGES or LANG starts with "hi"

  inquire <tid> [--json]        check the transaction with Eko: status, amount, names, masked account
  otp <tid> [--json]            ask Eko to (re)send the refund OTP; prints the otp_ref_id
  refund <tid> [--otp-ref <otp_ref_id>] [--json]
                                refund with the customer's OTP, read from standard input only;
                                without --otp-ref, the OTP from the SMS Eko sent when the transfer failed
  pending <mobile> [--json]     the customer's transfers waiting for a refund (Get Pending Refunds)
  doctor [--json]               check keychain, key, settings, reachability and clock
  config show [--json]          show the settings (never the access key)
  config set <name> <value> [<name> <value> …]   (or <name>=<value>)
                                set several at once, in any order, judged together: nothing
                                changes unless all are acceptable. name: ${Object.keys(CONFIG_NAMES).join(", ")}
  set-key                       store the access key read from standard input in the keychain,
                                for the environment in force (it signs for that one alone);
                                with signer pkcs11, into the token instead (sensitive, never
                                extractable, sign-only) and any key left in the keychain removed
  set-token-pin                 store the token's user PIN read from standard input in the keychain
  provision --file <policy.json> [--key-stdin | --key-file <path>] [--pin-stdin | --pin-file <path>] [--json]
                                apply an admin policy: settings, counter name, kiosk mode,
                                settings lock, admin PIN (hashed) and the access key
  pin-hash [--json]             hash an admin PIN read from standard input (for adminPinHash)
  journal export --from YYYY-MM-DD --to YYYY-MM-DD [--out file] [--json]
                                the requests between two days as CSV (standard output without --out);
                                on a kiosk counter, the admin PIN is read from standard input
  journal verify [--from YYYY-MM-DD --to YYYY-MM-DD] [--json]
                                check the journal's hash chain; names the first changed line
  journal verify --against-os-log [--os-log-file <path>] [--os-log-account <id>] [--json]
                                also check it against what the OS log witnessed of each line
  journal summary --date YYYY-MM-DD [--json]
                                the day's totals: refunds and amounts, OTPs, checks, failures by kind

Exit codes (the same for the app's executable):
${exitCodeTable()}
In development (not the installed app) REFUND_DESK_HOME sets the folder for settings and the journal,
REFUND_DESK_POLICY a policy file to use as the machine-wide policy and REFUND_DESK_OS_LOG_SOCKET the syslog
socket the journal's witness goes to; the installed app ignores all three.
`;

/**
 * Whether the process was started to run a command rather than open the window: the packaged
 * app's executable takes the same arguments as `npx refund-desk`.
 */
export function isCliInvocation(argv: string[]): boolean {
  return commandArgs(argv) !== null;
}

function commandArgs(argv: string[]): string[] | null {
  // Skip the executable, then Electron's app path ("." in development) and Chromium switches.
  const rest = argv.slice(1);
  const at = rest.findIndex((arg) => COMMANDS.includes(arg));
  if (at < 0) return null;
  const before = rest.slice(0, at);
  const lang = before.indexOf("--lang");
  const ours = lang >= 0 ? [lang, lang + 1] : [];
  // --lang <en|hi> may come before the command too; it is read with the command's own arguments.
  return before.every((arg, i) => ours.includes(i) || arg === "." || arg.startsWith("-") || arg.endsWith(".js"))
    ? [...rest.slice(at), ...ours.flatMap((i) => before[i] ?? [])]
    : null;
}

export async function runCli(argv: string[], streams: CliIo, deps: CliDeps): Promise<number> {
  const chosen = takeLang(commandArgs(argv) ?? argv.slice(1), deps.env ?? {});
  if (typeof chosen === "string") {
    streams.stderr.write(`refund-desk: ${chosen}\n`);
    return EXIT.usage;
  }
  const { lang, rest: args } = chosen;
  if (lang !== "en") await loadCatalogue(lang);
  const io: CliIo = { stdin: streams.stdin, stdout: streams.stdout, stderr: streams.stderr, lang };
  const json = args.includes("--json");
  const words = args.filter((a) => a !== "--json");
  const [command, ...rest] = words;
  const out = (text: string) => io.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
  const fail = (text: string, code: number = EXIT.usage) => {
    io.stderr.write(`refund-desk: ${text}\n`);
    return code;
  };

  if (!command || command === "help" || command === "--help" || command === "-h") {
    out(USAGE);
    return EXIT.ok;
  }
  if (command === "--version" || command === "version") {
    out(`refund-desk ${appVersion()}`);
    return EXIT.ok;
  }
  if (!COMMANDS.includes(command)) {
    const meant = didYouMean(command, COMMANDS);
    const m = cliWords(lang).options;
    return fail(`${fill(m.unknownCommand, { command })}${meant ? fill(m.meantCommand, { meant }) : ""}\n\n${USAGE}`);
  }
  // These work on the data folder and keychain directly, not through the desk's services.
  if (command === "provision") return provision(rest, json, io, deps);
  if (command === "pin-hash") return pinHashCommand(rest, json, io, deps.pinCost);
  if (command === "journal") return journalCommand(rest, json, io, deps, () => openDesk(deps));

  const desk = await openDesk(deps);
  try {
    // Each branch awaits, so the finally below closes the desk only after the command is done.
    switch (command) {
      case "otp":
        if (rest.length !== 1) return fail("usage: refund-desk otp <tid> [--json]");
        return report(
          await withProgress(desk.services.requestRefundOtp({ tid: rest[0] ?? "" }), io),
          json,
          io,
          (v) =>
            `${v.otpRefId}\n${fill(cliWords(lang).out.otpSent, { tid: v.tid, time: when(v.sentAt, lang), environment: catalogue(lang).env.badge[v.environment] })}`,
          "otp",
        );
      case "inquire":
        return await inquireCommand(rest, json, io, desk);
      case "refund":
        return await refundCommand(rest, json, io, desk);
      case "pending":
        return await pendingCommand(rest, json, io, desk);
      case "doctor":
        if (rest.length !== 0) return fail("usage: refund-desk doctor [--json]");
        return await doctor(desk, json, io);
      case "config":
        return await config(desk, rest, json, io, fail);
      case "set-key":
        if (rest.length !== 0) return fail(cliWords(lang).config.keyOnlyStdin);
        return await setKey(desk, io, json);
      case "set-token-pin":
        if (rest.length !== 0) return fail(cliWords(lang).config.tokenPinOnlyStdin);
        return report(
          await desk.services.setTokenPin({ pin: (await readAll(io.stdin)).replace(/\r?\n$/, "") }),
          json,
          io,
          () => cliWords(lang).config.tokenPinStored,
        );
    }
    return fail(USAGE);
  } finally {
    await desk.close();
  }
}

/** The desk with the policy in force, as the window opens it (the machine's sources when given). */
function openDesk(deps: CliDeps): Promise<RefundDesk> {
  return deps.machine
    ? openRefundDesk({ ...deps, appOrigin: "cli:" }, deps.machine)
    : Promise.resolve(createRefundDesk({ ...deps, appOrigin: "cli:" }));
}

async function doctor(desk: RefundDesk, json: boolean, io: CliIo): Promise<number> {
  const result = await withProgress(desk.services.checkConnection({}), io);
  // A report whose checks failed is a failure: --json's "ok" says so too, as the exit code does.
  if (json && result.ok && !result.value.ok) {
    io.stdout.write(`${JSON.stringify({ ok: false, value: result.value })}\n`);
    return EXIT.failed;
  }
  const code = report(result, json, io, (done) => formatDoctor(done, io.lang ?? "en"));
  return result.ok && !result.value.ok ? EXIT.failed : code;
}

function formatDoctor(report: DoctorReport, lang: Lang): string {
  const m = catalogue(lang);
  const lines = [
    `${m.settings.environment}: ${m.env.badge[report.environment]}`,
    `${m.doctor.checkedUrl} ${report.baseUrl ?? m.settings.noUrl}`,
  ];
  for (const check of report.checks) {
    const said = describeDoctorCheck(check, report, lang, cliWords(lang)).lines.join(" ");
    lines.push(`${check.status.padEnd(7)} ${check.id}: ${said}`);
  }
  return lines.join("\n");
}

function formatPolicy(policy: DeskPolicy, lang: Lang): string {
  const words: CliMessages = cliWords(lang);
  const m = words.config;
  const source = { machine: m.fromMachine, provisioned: m.fromProvisioning, none: m.fromNone }[policy.source];
  const lines = [
    rows([
      [m.counter, policy.counterName ?? m.notProvisioned],
      [m.kioskMode, policy.kioskMode ? m.on : m.off],
      [m.settingsLock, policy.settingsLocked ? m.locked : m.unlocked],
      [m.adminPin, policy.adminPinSet ? m.pinSet : m.pinNotSet],
      [m.policyFrom, source],
    ]),
  ];
  if (policy.problem) {
    const why = policy.problem.errors.map((e) => `${e.field} (${e.reason})`).join(", ");
    lines.push(fill(m.lockedDown, { path: policy.problem.path, why }));
  }
  if (policy.notices.length > 0) lines.push(fill(m.attention, { notices: policy.notices.join(", ") }));
  return lines.join("\n");
}

async function config(
  desk: RefundDesk,
  args: string[],
  json: boolean,
  io: CliIo,
  fail: (text: string) => number,
): Promise<number> {
  const lang = io.lang ?? "en";
  const words: CliMessages = cliWords(lang);
  const [action, ...pairs] = args;
  if (action === "show" && pairs.length === 0) {
    const shown = await desk.services.getSettings({});
    // --json carries what the text shows: the settings and the counter's policy, never a PIN or hash;
    // `hidden` names the fields a locked counter leaves out, so null there is not "not set".
    const hidden = desk.policy.settingsLocked ? [...LOCKED_OUT_FIELDS] : [];
    const withDesk = shown.ok ? { ...shown, value: { ...shown.value, desk: desk.policy, hidden } } : shown;
    return report(
      withDesk,
      json,
      io,
      (view) => `${formatSettings(view, desk.policy.settingsLocked, lang)}\n${formatPolicy(desk.policy, lang)}`,
    );
  }
  if (action !== "set") return fail(words.config.usage);
  const parsed = parseConfigPairs(pairs, lang);
  // The readable pairs are judged together too, so one run lists every problem.
  const unread = new Set(parsed.problems.map((p) => p.name));
  const refused = desk.settings
    .problems(parsed.patch)
    .map((error) => configProblem(error, io.lang))
    .filter((p) => !unread.has(p.name));
  const problems = [...parsed.problems, ...refused];
  if (problems.length > 0) return reportProblems(problems, json, io, words);
  return report(await desk.services.updateSettings(parsed.patch), json, io, (view) =>
    formatSettings(view, false, lang),
  );
}

/** Every refused pair of `config set`; nothing was changed. */
function reportProblems(problems: ConfigProblem[], json: boolean, io: CliIo, words: CliMessages): number {
  if (json) {
    const listed = problems.map((p) => ({ ...p.error, setting: p.name, message: p.message }));
    io.stdout.write(`${JSON.stringify({ ok: false, error: listed[0], problems: listed })}\n`);
  } else {
    io.stderr.write(
      `refund-desk: ${words.config.nothingChanged}\n${problems.map((p) => `  - ${p.message}`).join("\n")}\n`,
    );
  }
  return EXIT.usage;
}

async function setKey(desk: RefundDesk, io: CliIo, json: boolean): Promise<number> {
  const words: CliMessages = cliWords(io.lang ?? "en");
  const key = (await readAll(io.stdin)).replace(/\r?\n$/, "");
  return report(await desk.services.setAccessKey({ accessKey: key }), json, io, (view) =>
    view.signer === "pkcs11"
      ? fill(words.config.keyInToken, { token: view.pkcs11Token ?? "", key: view.pkcs11Key })
      : words.config.keyStored,
  );
}
