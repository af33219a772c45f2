import { appendFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Environment } from "../app/settings";

/**
 * An append-only record of each request, one JSON line per request, for "was an OTP requested
 * for tid X, and when?". It holds no key and no OTP; the otp_ref_id is cut to its last 6
 * characters, enough to match a support ticket.
 */
export interface JournalEntry {
  at: string;
  tid: string;
  environment: Environment;
  outcome: "otp-sent" | string;
  ekoStatus?: number;
  responseTypeId?: number;
  otpRefTail?: string;
}

export interface Journal {
  /** False when the line could not be written; the request's answer still reaches the agent. */
  append(entry: JournalEntry): boolean;
}

export const JOURNAL_FOLDER = "journal";

export function shortRef(otpRefId: string): string {
  return otpRefId.slice(-6);
}

export function createJournal(dataDir: string): Journal {
  const folder = join(dataDir, JOURNAL_FOLDER);
  return {
    append(entry) {
      try {
        mkdirSync(folder, { recursive: true, mode: 0o700 });
        // One file per month; appendFileSync writes the whole line in one call, so a crash loses
        // at most the line being written.
        appendFileSync(join(folder, `${entry.at.slice(0, 7)}.jsonl`), `${JSON.stringify(entry)}\n`, { mode: 0o600 });
        return true;
      } catch {
        return false;
      }
    },
  };
}
