/**
 * What the OS log keeps of each journal line: enough to show later that the journal still has it
 * (the chain's head after the line) and to read it in a SIEM (kind, outcome, tid, amount, counter),
 * never a secret or a full mobile. One line of text: a fixed marker, then JSON.
 */
export interface WitnessRecord {
  at: string;
  /** The outcome's kind: what comes before its colon ("otp", "refund", "check", …). */
  kind: string;
  outcome: string;
  tid: string;
  /** The refunded amount, else the transfer's, in rupees as Eko wrote it; null when the line has none. */
  amount: string | null;
  counter: string | null;
  /** The chain's head after the line: the line's seal (journal-chain.ts). */
  head: string;
  /** A retention cut (kind "journal", outcome "retention-cut"): the month the journal is kept from. */
  keptFrom?: string;
  /**
   * Whose journal the line is (witness-account.ts), stamped by the OS log writer: one OS log holds
   * the journals of every account that runs the app on the PC. Absent in lines of older versions.
   */
  account?: string;
}

export const WITNESS_MARKER = "REFUND-DESK-JOURNAL";

export function witnessMessage(record: WitnessRecord): string {
  return `${WITNESS_MARKER} ${JSON.stringify(record)}`;
}

const HEAD = /^[0-9a-f]{64}$/;

/**
 * The witness record in one line of an OS log's text, whatever the log put around it (a syslog
 * file's date and host, journalctl's or `log show`'s columns, an event's message); null for any
 * other line, and for one that only looks like a record.
 */
export function witnessedIn(line: string): WitnessRecord | null {
  const at = line.indexOf(`${WITNESS_MARKER} {`);
  if (at === -1) return null;
  let value: Partial<WitnessRecord>;
  try {
    value = JSON.parse(line.slice(at + WITNESS_MARKER.length + 1).trimEnd()) as Partial<WitnessRecord>;
  } catch {
    return null;
  }
  if (typeof value.head !== "string" || !HEAD.test(value.head)) return null;
  if (typeof value.tid !== "string" || typeof value.outcome !== "string" || typeof value.at !== "string") return null;
  return {
    at: value.at,
    kind: typeof value.kind === "string" ? value.kind : "",
    outcome: value.outcome,
    tid: value.tid,
    amount: typeof value.amount === "string" ? value.amount : null,
    counter: typeof value.counter === "string" ? value.counter : null,
    head: value.head,
    ...(typeof value.keptFrom === "string" && /^\d{4}-\d{2}$/.test(value.keptFrom) ? { keptFrom: value.keptFrom } : {}),
    ...(typeof value.account === "string" ? { account: value.account } : {}),
  };
}
