/**
 * A journal line's `outcome` (app/history.ts) in words: the step it records and what came of it.
 * Shared by the History screen and anything else that reads the journal; a step or outcome this
 * catalogue does not know (a newer main, a hand-edited line) is shown as written, never dropped.
 */
import { ERROR_KINDS, type ErrorKind } from "../errors";
import { txStateOf } from "../transaction";
import { catalogue, describeTxState, type Lang } from "./describe-error";

export interface OutcomeWords {
  /** Null when the step is not one this catalogue knows; `result` then holds the raw outcome. */
  step: string | null;
  result: string;
}

const TX_STATUS = /^tx_status=(\d{1,6}|none)$/;

function isErrorKind(text: string): text is ErrorKind {
  return (ERROR_KINDS as readonly string[]).includes(text);
}

export function describeOutcome(outcome: string, lang: Lang): OutcomeWords {
  const m = catalogue(lang);
  // Get Refund OTP lines carry no step: "otp-sent" or an error kind alone.
  const colon = outcome.indexOf(":");
  const step = colon < 0 ? "otp" : outcome.slice(0, colon);
  const rest = outcome.slice(colon + 1);
  if (!Object.hasOwn(m.history.step, step)) return { step: null, result: outcome };
  return { step: m.history.step[step as keyof typeof m.history.step], result: describeResult(rest, lang) };
}

function describeResult(rest: string, lang: Lang): string {
  const m = catalogue(lang);
  if (Object.hasOwn(m.history.outcome, rest)) return m.history.outcome[rest as keyof typeof m.history.outcome];
  const status = TX_STATUS.exec(rest);
  // "none" reads as NaN, which like any status the app does not know is "unknown".
  if (status) return describeTxState(txStateOf(Number(status[1])), lang).title;
  if (!isErrorKind(rest)) return rest;
  const short: Partial<Record<ErrorKind, string>> = m.history.outcomeKind;
  return short[rest] ?? m.errors[rest].title;
}
