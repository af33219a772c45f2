import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID, timingSafeEqual } from "node:crypto";
import { expectedSecretKey } from "./eko-signature";
import { createLedger, type Ledger, type LedgerTransaction, type RefundOutcome } from "./ledger";
import {
  behaviourFor,
  DEFAULT_OTP_VALIDITY_MS,
  fixedBehaviourFor,
  PENDING_BY_MOBILE,
  PRACTICE_OTP,
  TRANSACTIONS,
  type EkoDialect,
  type ScenarioBehaviour,
  type TransactionSeed,
} from "./scenarios";
import { readBody } from "./read-body";

/**
 * An Eko-compatible server for the Practice environment and the tests: it checks headers, the
 * signature and the timestamp window the way Eko does, then answers from the scenario table and,
 * for Transaction Inquiry and Initiate Refund, from the state of its ledger. It listens on
 * 127.0.0.1 only and answers only requests addressed to a loopback host.
 */
interface SimulatorAccount {
  developerKey: string;
  accessKey: string;
  initiatorId: string;
  /** When set, Transaction Inquiry and Initiate Refund must name this user_code (else Eko's 346). */
  userCode?: string;
}

export interface SimulatorOptions {
  accounts: SimulatorAccount[];
  /** How far a secret-key-timestamp may be from the simulator's clock (Eko does not publish its own). */
  windowMs?: number;
  /** Shift the simulator's clock, to play a server whose time differs from this machine's. */
  clockShiftMs?: number;
  /** Scale scenario delays (tests use 0 to skip the "slow answer" wait). */
  delayScale?: number;
  /** Replaces the scenario table (the benchmark answers every tid with an OTP). */
  scenarioFor?: (tid: string) => ScenarioBehaviour;
  /** The customer's OTP the refund expects (default PRACTICE_OTP). */
  otp?: string;
  /** How long an otp_ref_id stays valid (default DEFAULT_OTP_VALIDITY_MS). */
  otpValidityMs?: number;
  /** The transactions the ledger starts with (default TRANSACTIONS; the soak run refunds hundreds). */
  transactions?: Readonly<Record<string, TransactionSeed>>;
  /** How many of the latest requests `requests` keeps (default RECENT_REQUESTS). */
  keepRequests?: number;
  port?: number;
}

/** What the simulator saw, so tests can check the exact request the app sent. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
  outcome: "accepted" | "rejected";
  reason?: string;
}

export interface Simulator {
  /** Base URL in the same shape as Eko's (`…/ekoapi/v3`). */
  baseUrl: string;
  /** The latest requests, oldest first: a window, so a day of Practice does not grow main's memory. */
  requests: RecordedRequest[];
  setClockShift(ms: number): void;
  close(): Promise<void>;
}

const SIMULATOR_BASE_PATH = "/ekoapi/v3";
const DEFAULT_WINDOW_MS = 30_000;
const MAX_BODY_BYTES = 16 * 1024;
/** More than any one test reads back; about 0.76 KB each. */
const RECENT_REQUESTS = 200;
const LOOPBACK_HOST = /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/i;

type Operation = "otp" | "refund" | "inquiry" | "pending";
const ROUTES: readonly { operation: Operation; method: "GET" | "POST"; pattern: RegExp }[] = [
  { operation: "otp", method: "POST", pattern: /^\/ekoapi\/v3\/customer\/payment\/refund\/([^/]+)\/otp$/ },
  { operation: "refund", method: "POST", pattern: /^\/ekoapi\/v3\/customer\/payment\/refund\/([^/]+)$/ },
  { operation: "inquiry", method: "GET", pattern: /^\/ekoapi\/v3\/tools\/reference\/transaction\/([^/]+)$/ },
  { operation: "pending", method: "GET", pattern: /^\/ekoapi\/v3\/customer\/payment\/refunds$/ },
];

/** Eko's response_type_ids in its samples: Transaction Inquiry 1472, Initiate Refund 74. */
const TYPE_INQUIRY = 1472;
const TYPE_REFUND = 74;
/** The simulator's own response_type_id for Get Pending Refunds, whose sample Eko did not publish. */
const TYPE_PENDING = 1503;

export async function startSimulator(options: SimulatorOptions): Promise<Simulator> {
  const windowMs = options.windowMs ?? DEFAULT_WINDOW_MS;
  const delayScale = options.delayScale ?? 1;
  let clockShift = options.clockShiftMs ?? 0;
  const requests: RecordedRequest[] = [];
  const keepRequests = options.keepRequests ?? RECENT_REQUESTS;
  const openSockets = new Set<import("node:net").Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const now = () => Date.now() + clockShift;
  const ledger: Ledger = createLedger({
    transactions: options.transactions ?? TRANSACTIONS,
    otp: options.otp ?? PRACTICE_OTP,
    otpValidityMs: options.otpValidityMs ?? DEFAULT_OTP_VALIDITY_MS,
    now,
  });

  const server = createServer((req, res) => {
    res.sendDate = false;
    res.setHeader("date", new Date(now()).toUTCString());
    readBody(req, MAX_BODY_BYTES).then(
      (body) => handle(req, res, body),
      () => res.destroy(),
    );
  });
  server.on("connection", (socket) => {
    openSockets.add(socket);
    socket.on("close", () => openSockets.delete(socket));
  });

  function record(req: IncomingMessage, body: string, outcome: RecordedRequest["outcome"], reason?: string) {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers[name] = value;
    requests.push({
      method: req.method ?? "",
      path: req.url ?? "",
      headers,
      body,
      outcome,
      ...(reason ? { reason } : {}),
    });
    // In place: a test holding the array sees the window move.
    if (requests.length > keepRequests) requests.splice(0, requests.length - keepRequests);
  }

  function reject(req: IncomingMessage, res: ServerResponse, body: string, httpStatus: number, reason: string) {
    record(req, body, "rejected", reason);
    send(res, httpStatus, "application/json", JSON.stringify({ status: httpStatus, message: reason }));
  }

  function handle(req: IncomingMessage, res: ServerResponse, body: string) {
    // Only this machine may use the simulator: a page in a browser reaching 127.0.0.1 through a
    // rebound DNS name still names that name in Host.
    if (!LOOPBACK_HOST.test(req.headers.host ?? "")) return reject(req, res, body, 403, "Not a loopback host");
    const [path = "", search = ""] = (req.url ?? "").split("?");
    const routed = ROUTES.map((route) => ({ route, match: route.pattern.exec(path) })).find((r) => r.match);
    if (!routed?.match) return reject(req, res, body, 404, "No mapping rule matched");
    const { operation, method } = routed.route;
    if (req.method !== method) return reject(req, res, body, 405, "Method not allowed");
    if (method === "POST" && !(req.headers["content-type"] ?? "").startsWith("application/json"))
      return reject(req, res, body, 415, "Unsupported media type");

    const account = options.accounts.find((a) => a.developerKey === req.headers["developer_key"]);
    if (!account) return reject(req, res, body, 403, "Invalid developer_key");
    const timestamp = header(req, "secret-key-timestamp");
    if (!/^\d{13}$/.test(timestamp) || Math.abs(Number(timestamp) - now()) > windowMs) {
      return reject(req, res, body, 403, "Timestamp outside the window");
    }
    if (!sameText(header(req, "secret-key"), expectedSecretKey(account.accessKey, timestamp))) {
      return reject(req, res, body, 403, "Invalid secret-key");
    }
    let params: Record<string, unknown>;
    if (method === "GET") params = Object.fromEntries(new URLSearchParams(search));
    else {
      try {
        const parsed: unknown = JSON.parse(body);
        params = typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : {};
      } catch {
        return reject(req, res, body, 400, "Body is not JSON");
      }
    }
    if (params.initiator_id !== account.initiatorId) {
      record(req, body, "rejected", "initiator");
      return sendJson(res, 200, {
        status: 319,
        response_status_id: 1,
        response_type_id: 319,
        message: "Invalid Initiator ID",
        invalid_params: { initiator_id: "Invalid initiator" },
        data: {},
      });
    }
    if (
      operation !== "otp" &&
      (typeof params.user_code !== "string" ||
        (account.userCode !== undefined && params.user_code !== account.userCode))
    ) {
      record(req, body, "rejected", "user_code");
      return sendJson(res, 200, {
        status: 346,
        response_status_id: 1,
        response_type_id: 346,
        message: "User not onboarded or wrong user_code",
        data: {},
      });
    }
    record(req, body, "accepted");
    const tid = decodeURIComponent(routed.match[1] ?? "");
    if (operation === "otp") return answerOtp(res, tid);
    if (operation === "inquiry") return answerInquiry(res, tid);
    if (operation === "pending") return answerPending(res, params.customer_id);
    return answerRefund(res, tid, params);
  }

  function answerOtp(res: ServerResponse, tid: string) {
    if (options.scenarioFor) return answer(res, options.scenarioFor(tid));
    const tx = ledger.transaction(tid);
    // Once a transaction has moved on from refund pending, its state answers, not the table.
    if (tx && tx.txStatus === 4) return sendJson(res, 200, ALREADY_REFUNDED);
    if (tx && tx.txStatus !== 3) return sendJson(res, 200, NOT_REFUNDABLE);
    if (!tx) return answer(res, behaviourFor(tid));
    return answer(res, fixedBehaviourFor(tid) ?? { type: "otp-sent" }, () => ledger.issueOtpRef(tid), tx.dialect, tid);
  }

  function answerInquiry(res: ServerResponse, tid: string) {
    const tx = ledger.transaction(tid);
    if (!tx) return answer(res, behaviourFor(tid));
    if (ledger.failInquiry(tid)) return send(res, 503, "text/html", "<html><body>Service Unavailable</body></html>");
    // Eko's own message, spelling and all.
    const message = "Sucess! Enquiry success.";
    const data = inquiryData(tx);
    return sendJson(res, 200, { response_type_id: TYPE_INQUIRY, data, message, status: 0, response_status_id: 0 });
  }

  /** The customer's transfers still refund pending; the list's key is one plausible shape of Eko's. */
  function answerPending(res: ServerResponse, customerId: unknown) {
    const tids = typeof customerId === "string" ? (PENDING_BY_MOBILE[customerId] ?? []) : [];
    const waiting = tids
      .map((tid) => ledger.transaction(tid))
      .filter((tx): tx is LedgerTransaction => tx?.txStatus === 3);
    const list = waiting.map((tx) => ({
      tid: tx.tid,
      amount: tx.amount,
      fee: tx.fee,
      recipient_name: tx.recipientName,
      account: tx.account,
      timestamp: tx.time,
    }));
    return sendJson(res, 200, {
      status: 0,
      response_status_id: -1,
      response_type_id: TYPE_PENDING,
      message: "Pending refunds",
      data: { refund_list: list },
    });
  }

  function answerRefund(res: ServerResponse, tid: string, params: Record<string, unknown>) {
    const tx = ledger.transaction(tid);
    if (!tx) return answer(res, behaviourFor(tid));
    const { otp, otp_ref_id: ref, service_code: serviceCode, state } = params;
    // `otp` an integer as Eko documents it, or in a string only when a leading zero needs one;
    // otp_ref_id may be left out (the OTP from the failure SMS); `state` 1 or "1", as Eko documents both.
    const digits =
      typeof otp === "number" && Number.isSafeInteger(otp) && otp >= 0
        ? String(otp)
        : typeof otp === "string" && /^0\d{1,11}$/.test(otp)
          ? otp
          : null;
    const badRef = ref !== undefined && typeof ref !== "string";
    if (digits === null || badRef || serviceCode !== 80 || (state !== 1 && state !== "1")) {
      return sendJson(res, 200, {
        status: 1,
        response_status_id: 1,
        response_type_id: 1,
        message: "Invalid parameters",
        invalid_params: { otp: "an integer", otp_ref_id: "text", service_code: "80", state: "1" },
        data: {},
      });
    }
    if (tx.needsOtpRef && ref === undefined) {
      const invalid_params = { otp_ref_id: "otp_ref_id is required" };
      const message = "Invalid parameters";
      return sendJson(res, 200, { status: 1, response_status_id: 1, message, invalid_params, data: {} });
    }
    const outcome = ledger.refund(tid, digits, typeof ref === "string" ? ref : null);
    if (outcome.type === "hang" || (outcome.type === "refunded" && !outcome.answer)) return;
    sendJson(res, 200, refundEnvelope(tid, outcome, now(), tx.dialect ?? "refund-pages"));
  }

  function answer(
    res: ServerResponse,
    behaviour: ScenarioBehaviour,
    newOtpRef: () => string = randomUUID,
    dialect: EkoDialect = "refund-pages",
    tid = "",
  ) {
    switch (behaviour.type) {
      case "otp-sent":
        return later((behaviour.delayMs ?? 0) * delayScale, () =>
          send(res, 200, "application/json", JSON.stringify(otpSent(newOtpRef(), dialect, tid))),
        );
      case "envelope":
        return send(res, behaviour.httpStatus, "application/json", JSON.stringify(behaviour.body));
      case "raw":
        return send(res, behaviour.httpStatus, behaviour.contentType, behaviour.body);
      case "hang":
        return;
      case "reset":
        res.writeHead(200, { "content-type": "application/json" });
        res.write('{"status":0,"data":');
        return later(20, () => res.socket?.destroy());
      case "drip": {
        res.writeHead(200, { "content-type": "application/json" });
        const bytes = Buffer.from(JSON.stringify({ status: 0, data: { otp_ref_id: randomUUID() } }));
        let at = 0;
        const next = () => {
          if (res.destroyed) return;
          if (at >= bytes.length) return void res.end();
          res.write(bytes.subarray(at, ++at));
          later(behaviour.intervalMs, next);
        };
        return next();
      }
      case "huge": {
        res.writeHead(200, { "content-type": "application/json" });
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        let sent = 0;
        const pump = () => {
          while (sent < behaviour.bytes) {
            sent += chunk.length;
            if (!res.write(chunk)) return void res.once("drain", pump);
          }
          res.end();
        };
        res.on("error", () => undefined);
        return pump();
      }
    }
  }

  function later(ms: number, fn: () => void) {
    if (ms <= 0) return fn();
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}${SIMULATOR_BASE_PATH}`,
    requests,
    setClockShift(ms) {
      clockShift = ms;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        for (const socket of openSockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function header(req: IncomingMessage, name: string): string {
  const value = req.headers[name];
  return typeof value === "string" ? value : "";
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function sendJson(res: ServerResponse, status: number, body: Record<string, unknown>) {
  send(res, status, "application/json", JSON.stringify(body));
}

/** Eko's two published answers for an OTP sent (its Get Refund OTP and QR Get Refund OTP samples). */
function otpSent(otpRefId: string, dialect: EkoDialect, tid: string): Record<string, unknown> {
  if (dialect === "qr-pages") {
    const data = { otp_ref_id: otpRefId, tid: Number(tid), message: "OTP sent to the registered mobile number." };
    return { status: 0, response_status_id: 0, message: "OTP sent successfully.", response_type_id: 1388, data };
  }
  return {
    response_status_id: 1,
    data: { otp_ref_id: otpRefId },
    response_type_id: 2133,
    message: "Send OTP",
    status: 2133,
  };
}

/** Eko words these refusals without a code of their own, as in its QR refund samples. */
const ALREADY_REFUNDED = {
  status: 1,
  response_status_id: 1,
  response_type_id: 1318,
  message: "Transaction is already in refunded state",
  data: {},
};
const NOT_REFUNDABLE = {
  status: 1,
  response_status_id: 1,
  response_type_id: 1319,
  message: "Transaction is not in a refundable state",
  data: {},
};

const TX_STATUS_WORDS: Readonly<Record<number, string>> = {
  0: "Success",
  1: "Fail",
  2: "Initiated",
  3: "Refund Pending",
  4: "Refunded",
  5: "Hold",
};

/**
 * The fields of Eko's inquiry sample: numbers as strings, India's local time without a zone,
 * the full account number (as Eko would send it; the app keeps only its last 4 characters).
 */
function inquiryData(tx: LedgerTransaction): Record<string, unknown> {
  return {
    bank_ref_num: "",
    account: tx.account,
    fee: tx.fee,
    client_ref_id: `RD${tx.tid}`,
    gst: "0.00",
    sender_name: tx.senderName,
    timestamp: tx.time,
    ifsc: "SBIN0000001",
    txstatus_desc: TX_STATUS_WORDS[tx.txStatus] ?? "Response Awaited",
    tx_status: String(tx.txStatus),
    tid: tx.tid,
    amount: tx.amount,
    recipient_name: tx.recipientName,
  };
}

function refundEnvelope(
  tid: string,
  outcome: Exclude<RefundOutcome, { type: "hang" }>,
  nowMs: number,
  dialect: EkoDialect,
): Record<string, unknown> {
  // Eko's refusal samples put the code in response_status_id under status 1; its status table, in status.
  const refused = (code: number, message: string) =>
    dialect === "qr-pages"
      ? { status: 1, response_status_id: code, message, data: {} }
      : { status: code, response_status_id: 1, response_type_id: code, message, data: {} };
  switch (outcome.type) {
    case "unknown-tid":
      return refused(168, "TID does not exist");
    case "already-refunded":
      return ALREADY_REFUNDED;
    case "not-refundable":
      return NOT_REFUNDABLE;
    case "otp-expired":
      return refused(303, dialect === "qr-pages" ? "OTP expired. Please generate a new OTP." : "OTP expired");
    case "wrong-otp":
      return refused(302, dialect === "qr-pages" ? "Wrong OTP. Please enter the correct OTP." : "Wrong OTP");
    case "insufficient-balance":
      return refused(347, dialect === "qr-pages" ? "Insufficient balance." : "Insufficient balance");
    case "refunded":
      return dialect === "qr-pages"
        ? qrRefund(outcome, nowMs)
        : {
            response_status_id: 0,
            data: {
              refund_tid: outcome.refundTid,
              amount: outcome.refundedAmount,
              tds: "0.0",
              balance: outcome.balance,
              fee: outcome.fee,
              currency: "INR",
              commission_reverse: "0.00",
              tid,
              timestamp: new Date(nowMs).toISOString(),
              refunded_amount: outcome.refundedAmount,
            },
            response_type_id: TYPE_REFUND,
            message: "Refund done",
            status: 0,
          };
  }
}

/** Eko's QR refund sample: the refund's own id as data.tid, amounts as numbers, no balance. */
function qrRefund(outcome: Extract<RefundOutcome, { type: "refunded" }>, nowMs: number): Record<string, unknown> {
  const data = {
    tid: Number(outcome.refundTid),
    tx_status: "4",
    txstatus_desc: "Refunded",
    amount: Number(outcome.refundedAmount),
    bank_ref_num: "",
    client_ref_id: "",
    timestamp: indiaTime(nowMs),
    fee: 0,
    gst: 0,
  };
  const message = "Refund initiated successfully.";
  return { status: 0, response_status_id: 0, message, tx_status: "4", txstatus_desc: "Refunded", data };
}

/** "2025-11-03 10:15:42": India's local time without a zone, as Eko's samples show times. */
function indiaTime(ms: number): string {
  return new Date(ms + 5.5 * 3_600_000).toISOString().slice(0, 19).replace("T", " ");
}

function send(res: ServerResponse, status: number, contentType: string, body: string) {
  if (res.destroyed) return;
  res.writeHead(status, { "content-type": contentType });
  res.end(body);
}
