import { PRACTICE_OTP, type PracticeScenario } from "../../app/settings";

/**
 * How the simulator answers a tid's Get Refund OTP (and, for a tid outside TRANSACTIONS, its inquiry
 * and refund too). Faults exist for tests; agents see the practice list only.
 */
export type ScenarioBehaviour =
  | { type: "otp-sent"; delayMs?: number }
  | { type: "envelope"; httpStatus: number; body: Record<string, unknown> | unknown[] }
  | { type: "raw"; httpStatus: number; contentType: string; body: string }
  | { type: "hang" }
  | { type: "reset" }
  | { type: "huge"; bytes: number }
  /** A valid success, one byte at a time, `intervalMs` apart: a link that barely moves. */
  | { type: "drip"; intervalMs: number };

/** How Get Refund OTP answers the practice tids (the app's Practice list is PRACTICE_LIST below). */
type OtpScenarioId = "otp-sent" | "already-refunded" | "unknown-tid" | "eko-error" | "slow";

export const PRACTICE_SCENARIOS: readonly { tid: string; scenario: OtpScenarioId }[] = [
  { tid: "13192443", scenario: "otp-sent" },
  { tid: "13192444", scenario: "already-refunded" },
  { tid: "13192445", scenario: "unknown-tid" },
  { tid: "13192446", scenario: "eko-error" },
  { tid: "13192447", scenario: "slow" },
];

const PRACTICE_BEHAVIOURS: Record<OtpScenarioId, ScenarioBehaviour> = {
  "otp-sent": { type: "otp-sent" },
  "already-refunded": {
    type: "envelope",
    httpStatus: 200,
    body: {
      status: 1,
      response_status_id: 1,
      response_type_id: 1318,
      message: "Transaction is already in refunded state",
      data: {},
    },
  },
  "unknown-tid": unknownTid(),
  "eko-error": {
    type: "envelope",
    httpStatus: 200,
    body: { status: 945, response_status_id: 1, response_type_id: 945, message: "Monthly limit exhausted", data: {} },
  },
  slow: { type: "otp-sent", delayMs: 4_000 },
};

/** Fault tids used by the tests (and by support to rehearse); any other tid is unknown to Eko. */
const FAULT_SCENARIOS: Readonly<Record<string, ScenarioBehaviour>> = {
  "900403": { type: "envelope", httpStatus: 403, body: { status: 403, message: "Forbidden" } },
  "900404": { type: "envelope", httpStatus: 404, body: { status: 404, message: "No mapping rule matched" } },
  "900405": { type: "raw", httpStatus: 405, contentType: "text/plain", body: "Method Not Allowed" },
  "900415": { type: "raw", httpStatus: 415, contentType: "text/plain", body: "Unsupported Media Type" },
  "900429": { type: "raw", httpStatus: 429, contentType: "text/plain", body: "Too Many Requests" },
  "900500": {
    type: "raw",
    httpStatus: 500,
    contentType: "text/html",
    body: "<html><body><h1>500 Internal Server Error</h1></body></html>",
  },
  "900502": { type: "raw", httpStatus: 502, contentType: "text/html", body: "<html><body>Bad Gateway</body></html>" },
  "900503": {
    type: "raw",
    httpStatus: 503,
    contentType: "text/html",
    body: "<html><body>Service Unavailable</body></html>",
  },
  "900200": {
    type: "raw",
    httpStatus: 200,
    contentType: "text/html",
    body: "<!doctype html><html><body>Login to proxy</body></html>",
  },
  "900201": {
    type: "raw",
    httpStatus: 200,
    contentType: "application/json",
    body: '{"status":0,"data":{"otp_ref_id":',
  },
  "900202": { type: "raw", httpStatus: 200, contentType: "application/json", body: "not json at all" },
  "900203": { type: "envelope", httpStatus: 200, body: [1, 2, 3] },
  "900204": { type: "envelope", httpStatus: 200, body: { status: 0, message: "OTP sent", data: { otp_ref_id: "" } } },
  "900205": { type: "huge", bytes: 10 * 1024 * 1024 },
  "900319": {
    type: "envelope",
    httpStatus: 200,
    body: { status: 319, response_status_id: 1, response_type_id: 319, message: "Invalid Initiator ID", data: {} },
  },
  "900346": {
    type: "envelope",
    httpStatus: 200,
    body: { status: 1, message: "Transaction is not in a refundable state", data: {} },
  },
  "900206": {
    type: "raw",
    httpStatus: 200,
    contentType: "text/plain",
    body: '{"status":0,"data":{"otp_ref_id":"from-a-proxy"}}',
  },
  "900900": { type: "hang" },
  "900902": { type: "drip", intervalMs: 200 },
  "900901": { type: "reset" },
};

function unknownTid(): ScenarioBehaviour {
  return {
    type: "envelope",
    httpStatus: 200,
    body: { status: 168, response_status_id: 1, response_type_id: 168, message: "TID does not exist", data: {} },
  };
}

export function behaviourFor(tid: string): ScenarioBehaviour {
  return fixedBehaviourFor(tid) ?? unknownTid();
}

/** The Get Refund OTP answer the table fixes for a tid, or null when the tid's state decides. */
export function fixedBehaviourFor(tid: string): ScenarioBehaviour | null {
  const practice = PRACTICE_SCENARIOS.find((s) => s.tid === tid);
  if (practice) return PRACTICE_BEHAVIOURS[practice.scenario];
  return FAULT_SCENARIOS[tid] ?? null;
}

/** The customer's OTP for every refund the simulator accepts (app/settings.ts: the app shows it). */
export { PRACTICE_OTP };

/** How long an otp_ref_id stays valid in the simulator; Eko publishes no figure of its own. */
export const DEFAULT_OTP_VALIDITY_MS = 10 * 60_000;

/** How Initiate Refund answers for a tid once the OTP checks pass. */
type RefundBehaviour =
  | "refund"
  /** Eko status 347. */
  | "insufficient-balance"
  /** Eko status 303 whatever the otp_ref_id's age. */
  | "otp-expired"
  /** The refund is made, and the answer never comes: only an inquiry can tell. */
  | "refund-then-hang"
  /** No answer, and no refund either. */
  | "hang";

/**
 * Which of Eko's published reply shapes a transaction's answers take. "refund-pages": Eko's Get
 * Refund OTP and Initiate Refund samples (OTP sent as status 2133 / response_status_id 1; a
 * refusal's code in `status`; the refund with refund_tid, E-notation balance, ISO time, type 74).
 * "qr-pages": Eko's QR refund samples (OTP sent as status 0 / type 1388 with data.tid; a refusal as
 * status 1 with the code in `response_status_id`; the refund's id as data.tid, Indian local time).
 */
export type EkoDialect = "refund-pages" | "qr-pages";

/** A transaction the simulator knows for Transaction Inquiry and Initiate Refund. */
export interface TransactionSeed {
  txStatus: number;
  amount: string;
  fee: string;
  senderName: string;
  recipientName: string;
  account: string;
  /** As Eko's samples show it: India's local time, no zone. */
  time: string;
  refund?: RefundBehaviour;
  /** Inquiries answered with HTTP 503 before the real answer, to exercise the GET retry. */
  inquiryFailures?: number;
  /** Default "refund-pages". */
  dialect?: EkoDialect;
  /** Refuses a refund without an otp_ref_id, as Eko's older pages require one. */
  needsOtpRef?: boolean;
}

const pending = (refund?: RefundBehaviour): TransactionSeed => ({
  txStatus: 3,
  amount: "5000.00",
  fee: "50.00",
  senderName: "Ramesh Kumar",
  recipientName: "Sunita Devi",
  account: "50100234567890",
  time: "2025-11-03 10:15:42",
  ...(refund ? { refund } : {}),
});
const inState = (txStatus: number): TransactionSeed => ({ ...pending(), txStatus });
const qrPages = (seed: TransactionSeed): TransactionSeed => ({ ...seed, dialect: "qr-pages" });

/**
 * The transactions behind Transaction Inquiry and Initiate Refund, each in its own tx_status. The
 * Get Refund OTP answers above still hold for their tids while a transaction is refund pending;
 * once it is refunded, Get Refund OTP says so. State lasts as long as the simulator runs.
 */
export const TRANSACTIONS: Readonly<Record<string, TransactionSeed>> = {
  // Refund pending: check → send OTP → refund with PRACTICE_OTP → refunded.
  "13192443": pending(),
  "13192444": inState(4),
  // Refund pending, but Get Refund OTP answers Eko error 945 (as above).
  "13192446": pending(),
  // Refund pending, Get Refund OTP answers after 4 s (as above).
  "13192447": pending(),
  "13192448": inState(0),
  "13192449": inState(1),
  "13192450": inState(2),
  "13192451": inState(5),
  // A tx_status this app does not know.
  "13192452": inState(9),
  "13192453": pending("refund-then-hang"),
  "13192454": pending("insufficient-balance"),
  "13192455": pending("otp-expired"),
  "13192456": pending("hang"),
  // The same refund outcomes in Eko's other published shape: codes in response_status_id.
  "13192457": qrPages(pending()),
  "13192458": qrPages(pending("insufficient-balance")),
  "13192459": qrPages(pending("otp-expired")),
  // Find by mobile: the two transfers of PENDING_BY_MOBILE's customer.
  "13192460": {
    ...pending(),
    amount: "2500.00",
    fee: "25.00",
    recipientName: "Anil Sharma",
    account: "30211456783321",
    time: "2025-11-04 16:20:05",
  },
  "13192461": {
    ...pending(),
    amount: "1200.00",
    fee: "12.00",
    recipientName: "Meena Kumari",
    account: "60400199887766",
    time: "2025-11-05 11:02:37",
  },
  // Tests: the inquiry fails twice with HTTP 503, then answers.
  "900510": { ...pending(), inquiryFailures: 2 },
  // Tests: refund pending, so the check passes and Get Refund OTP answers its fault (above).
  "900204": pending(),
  // Tests: a refund with the OTP from the failure SMS (no otp_ref_id) is refused.
  "900461": { ...pending(), needsOtpRef: true },
};

/**
 * Get Pending Refunds by customer mobile: 6111111111 (Eko's public test customer) has two
 * transfers waiting; any other mobile (say 7000012345) has none. Refunded ones drop off the list.
 */
export const PENDING_BY_MOBILE: Readonly<Record<string, readonly string[]>> = {
  "6111111111": ["13192460", "13192461"],
};

/** One entry of the app's Practice list; `answers` is its row in the README (scripts/practice-table.ts). */
export interface PracticeEntry extends PracticeScenario {
  answers: string;
}

/**
 * The app's Practice list: every outcome of the refund flow, then the Get Refund OTP answers that
 * still matter once the check has passed. The README's Practice table is generated from it; the
 * tids in Eko's other reply shape (13192457–59) are for tests and docs/eko.md, not the agent.
 */
export const PRACTICE_LIST: readonly PracticeEntry[] = [
  {
    tid: "13192443",
    scenario: "refund-pending",
    answers: `refund pending: check → OTP → refund with \`${PRACTICE_OTP}\` → receipt (refunded afterwards, until the app restarts)`,
  },
  { tid: "13192444", scenario: "already-refunded", answers: "already refunded" },
  { tid: "13192448", scenario: "transfer-succeeded", answers: "the transfer succeeded" },
  { tid: "13192449", scenario: "transfer-failed", answers: "the transfer failed with no refund waiting" },
  { tid: "13192450", scenario: "in-progress", answers: "the transfer is in progress" },
  { tid: "13192451", scenario: "on-hold", answers: "the transfer is on hold" },
  { tid: "13192452", scenario: "unknown-status", answers: "a status the app does not know" },
  {
    tid: "13192453",
    scenario: "answer-lost-refunded",
    answers: "the refund is made but its answer never comes: the inquiry after the timeout finds it refunded",
  },
  {
    tid: "13192456",
    scenario: "answer-lost-not-refunded",
    answers: "the refund's answer never comes and no refund was made",
  },
  { tid: "13192454", scenario: "insufficient-balance", answers: "not enough balance (347)" },
  { tid: "13192455", scenario: "otp-expired", answers: "the OTP has expired (303)" },
  { tid: "13192447", scenario: "otp-slow", answers: "a slow answer (4 s) when sending the OTP" },
  {
    tid: "13192446",
    scenario: "otp-eko-error",
    answers: "an Eko error with its own message and code (945) when sending the OTP",
  },
  { tid: "13192445", scenario: "unknown-tid", answers: "unknown tid (Eko 168)" },
];
