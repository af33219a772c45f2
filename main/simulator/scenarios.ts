import type { PracticeScenario, PracticeScenarioId } from "../../app/settings";

/** How the simulator answers a tid. Faults exist for tests; agents see the practice list only. */
export type ScenarioBehaviour =
  | { type: "otp-sent"; delayMs?: number }
  | { type: "envelope"; httpStatus: number; body: Record<string, unknown> | unknown[] }
  | { type: "raw"; httpStatus: number; contentType: string; body: string }
  | { type: "hang" }
  | { type: "reset" }
  | { type: "huge"; bytes: number }
  /** A valid success, one byte at a time, `intervalMs` apart: a link that barely moves. */
  | { type: "drip"; intervalMs: number };

/** Shown in the app's Practice list; one per thing an agent should have seen before going live. */
export const PRACTICE_SCENARIOS: readonly PracticeScenario[] = [
  { tid: "13192443", scenario: "otp-sent" },
  { tid: "13192444", scenario: "already-refunded" },
  { tid: "13192445", scenario: "unknown-tid" },
  { tid: "13192446", scenario: "eko-error" },
  { tid: "13192447", scenario: "slow" },
];

const PRACTICE_BEHAVIOURS: Record<PracticeScenarioId, ScenarioBehaviour> = {
  "otp-sent": { type: "otp-sent" },
  "already-refunded": {
    type: "envelope",
    httpStatus: 200,
    body: { status: 1, response_status_id: 1, response_type_id: 1318, message: "Transaction is already in refunded state", data: {} },
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
export const FAULT_SCENARIOS: Readonly<Record<string, ScenarioBehaviour>> = {
  "900403": { type: "envelope", httpStatus: 403, body: { status: 403, message: "Forbidden" } },
  "900404": { type: "envelope", httpStatus: 404, body: { status: 404, message: "No mapping rule matched" } },
  "900405": { type: "raw", httpStatus: 405, contentType: "text/plain", body: "Method Not Allowed" },
  "900415": { type: "raw", httpStatus: 415, contentType: "text/plain", body: "Unsupported Media Type" },
  "900429": { type: "raw", httpStatus: 429, contentType: "text/plain", body: "Too Many Requests" },
  "900500": { type: "raw", httpStatus: 500, contentType: "text/html", body: "<html><body><h1>500 Internal Server Error</h1></body></html>" },
  "900502": { type: "raw", httpStatus: 502, contentType: "text/html", body: "<html><body>Bad Gateway</body></html>" },
  "900503": { type: "raw", httpStatus: 503, contentType: "text/html", body: "<html><body>Service Unavailable</body></html>" },
  "900200": { type: "raw", httpStatus: 200, contentType: "text/html", body: "<!doctype html><html><body>Login to proxy</body></html>" },
  "900201": { type: "raw", httpStatus: 200, contentType: "application/json", body: '{"status":0,"data":{"otp_ref_id":' },
  "900202": { type: "raw", httpStatus: 200, contentType: "application/json", body: "not json at all" },
  "900203": { type: "envelope", httpStatus: 200, body: [1, 2, 3] },
  "900204": { type: "envelope", httpStatus: 200, body: { status: 0, message: "OTP sent", data: { otp_ref_id: "" } } },
  "900205": { type: "huge", bytes: 10 * 1024 * 1024 },
  "900319": { type: "envelope", httpStatus: 200, body: { status: 319, response_status_id: 1, response_type_id: 319, message: "Invalid Initiator ID", data: {} } },
  "900346": { type: "envelope", httpStatus: 200, body: { status: 1, message: "Transaction is not in a refundable state", data: {} } },
  "900206": { type: "raw", httpStatus: 200, contentType: "text/plain", body: '{"status":0,"data":{"otp_ref_id":"from-a-proxy"}}' },
  "900900": { type: "hang" },
  "900902": { type: "drip", intervalMs: 200 },
  "900901": { type: "reset" },
};

function unknownTid(): ScenarioBehaviour {
  return { type: "envelope", httpStatus: 200, body: { status: 168, response_status_id: 1, response_type_id: 168, message: "TID does not exist", data: {} } };
}

export function behaviourFor(tid: string): ScenarioBehaviour {
  const practice = PRACTICE_SCENARIOS.find((s) => s.tid === tid);
  if (practice) return PRACTICE_BEHAVIOURS[practice.scenario];
  return FAULT_SCENARIOS[tid] ?? unknownTid();
}
