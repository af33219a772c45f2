/**
 * Turns an error value into words an agent can act on. Pure TypeScript with no dependencies, so
 * the renderer and main's CLI share the same text; the CLI reads its own words where the window's
 * would mislead it (a reader from cli-words.ts, which the window never imports).
 */
import type { DoctorCheck, DoctorReport } from "../doctor";
import type { RefundDeskError } from "../errors";
import { WRONG_OTP_TRIES_BEFORE_NEW_OTP } from "../refund";
import type { TxState } from "../transaction";
import { catalogue, type Lang } from "./catalogues";
import { formatDateTime } from "./format";
import type { CliMessages } from "./cli-en";
import type { Advice, Messages } from "./en";

export { catalogue, LANGS, type Lang } from "./catalogues";

/** Replaces each `{name}` with its value; an unknown placeholder is left visible rather than dropped. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : whole,
  );
}

/** A duration for people: "2 h 5 min", "2 min 5 s", "40 s" (sign ignored; at most two units). */
export function formatDuration(ms: number, lang: Lang): string {
  const d = catalogue(lang).duration;
  const totalSeconds = Math.round(Math.abs(ms) / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const parts: string[] = [];
  if (hours > 0) {
    parts.push(fill(d.hours, { n: hours }));
    if (minutes > 0) parts.push(fill(d.minutes, { n: minutes }));
  } else if (minutes > 0) {
    parts.push(fill(d.minutes, { n: minutes }));
    if (seconds > 0) parts.push(fill(d.seconds, { n: seconds }));
  } else {
    parts.push(fill(d.seconds, { n: seconds }));
  }
  return parts.join(" ");
}

/** A wait still to run, for a countdown: whole seconds rounded up, never "0 s" while any is left. */
export function formatWait(ms: number, lang: Lang): string {
  return formatDuration(Math.max(1, Math.ceil(ms / 1000)) * 1000, lang);
}

function isKey<T extends object>(table: T, key: string): key is Extract<keyof T, string> {
  return Object.hasOwn(table, key);
}

/** The name of a setting for people, or the raw name when the catalogue does not know it. */
function settingLabel(name: string, lang: Lang): string {
  const names = catalogue(lang).settingName;
  return isKey(names, name) ? names[name] : name;
}

function describeInvalidInput(field: string, reason: string, m: Messages): Advice {
  if (field === "tid") {
    return isKey(m.invalidTid, reason) ? m.invalidTid[reason] : m.errors["invalid-input"];
  }
  if (field === "otp") return isKey(m.invalidOtp, reason) ? m.invalidOtp[reason] : m.errors["invalid-input"];
  if (field === "otpRefId") return m.invalidOtpRef;
  if (field === "mobile") return isKey(m.invalidMobile, reason) ? m.invalidMobile[reason] : m.errors["invalid-input"];
  // A History range of days: main names the end of the range at fault.
  if ((field === "from" || field === "to") && isKey(m.history.range, reason)) return m.history.range[reason];
  if (field === "accessKey" && reason === "no-environment") return m.accessKeyNeedsEnvironment;
  if (field === "environment" && reason === "demo-practice-only") return m.demoPracticeOnly;
  if (isKey(m.invalidSetting, field)) return m.invalidSetting[field];
  return m.invalidOther;
}

/** What left this computer is said first: an OTP sent, a refund made or answered. */
function describeNotJournaled(error: Extract<RefundDeskError, { kind: "not-journaled" }>, m: Messages): Advice {
  const values = { tid: error.tid, ref: error.otpRefTail ?? "" };
  const advice =
    error.step === "otp" && error.outcome === "otp-sent"
      ? m.notJournaled.otpSent
      : error.step === "reprint"
        ? m.notJournaled.reprint
        : error.step === "refund"
          ? error.outcome === "refunded"
            ? m.notJournaled.refunded
            : m.notJournaled.refund
          : m.errors["not-journaled"];
  return { title: fill(advice.title, values), action: fill(advice.action, values) };
}

/** The request a command waited for: after a timeout, only an OTP may still reach the customer. */
export type WaitedStep = keyof CliMessages["timeoutAfter"];

/** Where the words are read: the window, or the command line (no buttons, nothing "below"). */
export type CliReader = { surface: "cli"; words: CliMessages; step?: WaitedStep };
type Reader = { surface: "window" } | CliReader;

/** The catalogue as a surface reads it: on the command line (`cli` given), its own words over the window's. */
export function wordsFor(lang: Lang, cli?: CliMessages): Messages {
  const m = catalogue(lang);
  if (!cli) return m;
  return {
    ...m,
    errors: { ...m.errors, ...cli.errors },
    invalidTid: { ...m.invalidTid, ...cli.invalidTid },
    invalidOtp: { ...m.invalidOtp, ...cli.invalidOtp },
    invalidMobile: { ...m.invalidMobile, ...cli.invalidMobile },
    invalidSetting: { ...m.invalidSetting, ...cli.invalidSetting },
    ekoCodes: { ...m.ekoCodes, ...cli.ekoCodes },
    accessKeyNeedsEnvironment: cli.accessKeyNeedsEnvironment,
    invalidOther: cli.invalidOther,
  };
}

export function describeError(error: RefundDeskError, lang: Lang, reader: Reader = { surface: "window" }): Advice {
  const cli: CliMessages | undefined = reader.surface === "cli" ? reader.words : undefined;
  const step = reader.surface === "cli" ? reader.step : undefined;
  const m: Messages = wordsFor(lang, cli);
  switch (error.kind) {
    case "invalid-input":
      return describeInvalidInput(error.field, error.reason, m);
    case "not-configured": {
      const missing = error.missing.map((name) => settingLabel(name, lang)).join(m.listSeparator);
      return { title: m.errors["not-configured"].title, action: fill(m.errors["not-configured"].action, { missing }) };
    }
    case "clock-skew":
      return {
        title: fill(m.errors["clock-skew"].title, { offset: formatDuration(error.offsetMs, lang) }),
        action: fill(m.errors["clock-skew"].action, {
          eko: formatDateTime(error.ekoTime, lang),
          pc: formatDateTime(error.pcTime, lang),
        }),
      };
    case "timeout":
      return {
        title: fill(m.errors.timeout.title, { seconds: Math.round(error.afterMs / 1000) }),
        action: cli && step ? cli.timeoutAfter[step] : m.errors.timeout.action,
      };
    case "busy":
      return { title: fill(m.errors.busy.title, { tid: error.tid }), action: m.errors.busy.action };
    case "tid-busy-elsewhere":
      return {
        title: fill(m.errors["tid-busy-elsewhere"].title, { tid: error.tid }),
        action: m.errors["tid-busy-elsewhere"].action,
      };
    case "cooldown":
      return {
        title: fill(m.errors.cooldown.title, { tid: error.tid }),
        action: fill(m.errors.cooldown.action, { wait: formatWait(error.retryAfterMs, lang) }),
      };
    case "wrong-otp":
      return error.tries >= WRONG_OTP_TRIES_BEFORE_NEW_OTP
        ? { title: fill(m.wrongOtpTooMany.title, { tries: error.tries }), action: m.wrongOtpTooMany.action }
        : m.errors["wrong-otp"];
    case "refund-outcome-unknown":
    case "refund-not-recorded":
    case "refund-not-done":
      return {
        title: fill(m.errors[error.kind].title, { tid: error.tid }),
        action: fill(m.errors[error.kind].action, { tid: error.tid }),
      };
    case "not-journaled":
      return describeNotJournaled(error, m);
    case "not-refund-pending": {
      const state = describeTxState(error.state, lang);
      return {
        title: fill(m.errors["not-refund-pending"].title, { tid: error.tid }),
        action: fill(m.errors["not-refund-pending"].action, { status: state.title, next: state.action }),
      };
    }
    case "wrong-pin":
      return error.retryAfterMs > 0
        ? {
            title: m.errors["wrong-pin"].title,
            action: fill(m.errors["pin-wait"].action, { wait: formatWait(error.retryAfterMs, lang) }),
          }
        : {
            title: m.errors["wrong-pin"].title,
            action: fill(m.errors["wrong-pin"].action, { tries: error.triesBeforeWait }),
          };
    case "pin-wait":
      return {
        title: m.errors["pin-wait"].title,
        action: fill(m.errors["pin-wait"].action, { wait: formatWait(error.retryAfterMs, lang) }),
      };
    case "eko": {
      const code = String(error.code);
      const message = error.message.trim();
      return {
        title: message ? fill(m.errors.eko.title, { message, code }) : fill(m.ekoWithoutMessage, { code }),
        action: isKey(m.ekoCodes, code) ? m.ekoCodes[code] : m.errors.eko.action,
      };
    }
    default: {
      const advice = m.errors[error.kind];
      // An unknown kind can only come from a newer main than this renderer: say so, don't crash.
      return advice ?? m.errors.internal;
    }
  }
}

/** A transaction's status in words and its next step; a state from a newer main reads as unknown. */
export function describeTxState(state: TxState, lang: Lang): Advice {
  const m = catalogue(lang).txState;
  return isKey(m, state) ? m[state] : m.unknown;
}

/** Whose clock the offset was learned from: Eko's, or in Practice the simulator's on this computer. */
export type ClockReference = "eko" | "practice";

/**
 * "Your clock is 2 min 5 s behind Eko's." `offsetMs` is the server's time minus local time, so a
 * positive offset means the local clock is behind. Under a second counts as matching.
 */
export function describeClockOffset(offsetMs: number, lang: Lang, reference: ClockReference = "eko"): string {
  const m = catalogue(lang).doctor.clock[reference];
  if (Math.abs(offsetMs) < 1000) return m.matches;
  const offset = formatDuration(offsetMs, lang);
  // Stryker disable next-line EqualityOperator: an offset under 1 s returned "matches" above
  return fill(offsetMs > 0 ? m.behind : m.ahead, { offset });
}

/** The status line for a clock far enough off to mention: says the app corrects for it. */
export function describeClockStatus(offsetMs: number, lang: Lang, reference: ClockReference): string {
  const m = catalogue(lang).clockStatus[reference];
  // Stryker disable next-line EqualityOperator: the clock line shows only past 30 s; at 0 neither ahead nor behind fits
  return fill(offsetMs > 0 ? m.behind : m.ahead, { offset: formatDuration(offsetMs, lang) });
}

/** An advice as one line: its title and action as two sentences ("।" between them in Hindi). */
export function adviceLine(advice: Advice, lang: Lang): string {
  return `${advice.title}${catalogue(lang).sentenceEnd} ${advice.action}`;
}

/** A clock offset to a tenth of a second under a minute ("0.4 s"), in units above it ("6 min 55 s"). */
function preciseOffset(offsetMs: number, lang: Lang): string {
  const ms = Math.abs(offsetMs);
  return ms < 60_000 ? fill(catalogue(lang).duration.seconds, { n: (ms / 1000).toFixed(1) }) : formatDuration(ms, lang);
}

/** The command line's clock sentence: the offset to a tenth of a second, and which way. */
function describeCliClock(offsetMs: number, lang: Lang, reference: ClockReference, cli: CliMessages): string {
  const m = cli.doctor.clock[reference];
  const offset = preciseOffset(offsetMs, lang);
  if (Math.abs(offsetMs) < 1000) return fill(m.matches, { offset });
  // Stryker disable next-line EqualityOperator: an offset under 1 s returned "matches" above
  return fill(offsetMs > 0 ? m.behind : m.ahead, { offset });
}

/**
 * A connection-check row for people: its name and sentences. The check's `detail` is a code read
 * here, never shown raw: in Practice the server is the simulator, a skipped key check says why, a
 * failed settings check names the missing fields, and the clock row gives a human duration. The
 * command line (`cli` given) also gets the probe's HTTP status, said to be expected, and the clock
 * to 0.1 s.
 */
export function describeDoctorCheck(
  check: DoctorCheck,
  report: DoctorReport,
  lang: Lang,
  cli?: CliMessages,
): { name: string; lines: string[] } {
  const m = catalogue(lang);
  const reference: ClockReference = report.environment === "practice" ? "practice" : "eko";
  const texts =
    check.id === "reachable" && reference === "practice" ? m.doctor.practiceReachable : m.doctor.checks[check.id];
  // An unknown check can only come from a newer main: show its id rather than nothing.
  if (!texts) return { name: check.id, lines: [] };
  let sentence = texts[check.status];
  if (
    check.id === "access-key" &&
    check.status === "skipped" &&
    check.detail &&
    isKey(m.doctor.accessKeySkipped, check.detail)
  ) {
    sentence = m.doctor.accessKeySkipped[check.detail];
  }
  if (check.id === "settings" && (check.status === "fail" || check.status === "warn") && check.detail) {
    const missing = check.detail
      .split(",")
      .map((name) => settingLabel(name, lang))
      .join(m.listSeparator);
    sentence = `${sentence} ${fill(m.doctor.missing, { missing })}`;
  }
  const status = /^HTTP (\d+)$/.exec(check.detail ?? "")?.[1];
  if (cli && check.id === "reachable" && check.status === "ok" && status) {
    sentence = fill(reference === "practice" ? cli.doctor.practiceReachable : cli.doctor.reachable, { status });
  }
  const lines = [sentence];
  // Where the broken policy is and what is wrong with it, which override was ignored, why the OS log
  // is not written, which months the journal's upkeep left: for the admin.
  if (
    (check.id === "policy" || check.id === "overrides" || check.id === "os-log" || check.id === "journal-upkeep") &&
    check.status !== "ok" &&
    check.detail
  )
    lines.push(check.detail);
  // Which token and key, and what about the key deserves a look: for the admin.
  if (check.id === "signer" && check.detail) lines.push(check.detail);
  if (check.id === "clock" && report.clockOffsetMs !== null) {
    const offset = cli
      ? describeCliClock(report.clockOffsetMs, lang, reference, cli)
      : describeClockOffset(report.clockOffsetMs, lang, reference);
    // "The clock is right" and "it matches within 1 s" say the same: keep the precise one.
    if (check.status === "ok") lines.splice(0, 1, offset);
    else lines.push(offset);
  }
  if (check.error)
    lines.push(adviceLine(describeError(check.error, lang, cli ? { surface: "cli", words: cli } : undefined), lang));
  return { name: texts.name, lines };
}
