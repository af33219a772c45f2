/**
 * No secret in any error. Every kind of the error union is produced here, the way the counter
 * meets it (Eko's refusals from a stub on loopback, a network that fails, a keychain that fails,
 * the admin PIN's gate), with the registry's access key, customer OTP, admin PIN and customer
 * mobile as the inputs. For each, none of them appears in any form (secret-forms.ts) in the error
 * returned, its JSON, dispatch's reply to the window, this run's answers the window reads back,
 * the CLI's text and JSON, the data folder (the journal) or anything printed. A kind added to
 * the union does not compile here until it is produced (or said why not). The answers that
 * succeed, and the CLI's own readers of secrets (pin-hash, provision), are searched the same way.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, sep } from "node:path";
import type { ErrorKind, RefundDeskError } from "../../app/errors";
import { ERROR_KINDS } from "../../app/errors";
import { localDay } from "../../app/history";
import { sampleBody } from "../eko/conformance/eko-samples";
import { createKeytarKeyStore, type KeyStore } from "../keychain/key-store";
import { defaultExportsDir } from "../history/export-folder";
import { COUNTER_STATE_FILE, openCounterState } from "../fs/counter-state";
import { closedPort } from "../test-support/closed-port";
import { tempDataDir } from "../test-support/temp-dir";
import { memoryKeyStore } from "../test-support/memory-key-store";
import {
  filesUnder,
  LEAK_ACCOUNT,
  reach,
  type Reached,
  type WindowCall,
  type WorldSetup,
} from "../test-support/leak-world";
import { capturingOutput } from "../test-support/capture-output";
import { cliIo } from "../test-support/cli-io";
import { runCli } from "../cli/cli";
import { secretsIn, type SoughtSecret } from "../test-support/secret-forms";
import { startStubEko, type StubAnswer, type StubRequest } from "../test-support/stub-eko";
import { startSelfSignedServer } from "../test-support/tls-server";
import { TEST_SECRETS } from "../test-support/test-secrets";

const KEY = TEST_SECRETS.accessKeys.leakCheck;
const OTP = TEST_SECRETS.otps.leakCheck;
const PIN = TEST_SECRETS.adminPins.leakCheck;
const WRONG_PIN = TEST_SECRETS.adminPins.leakCheckWrong;
const MOBILE = TEST_SECRETS.customerMobiles.withNone;
const TID = "13192443";
const OTP_REF = "leak-check-otp-ref-7d1e";

/**
 * The secrets sought, by what they are. The token's PIN (issue 25's PKCS#11 signer) joins here
 * when it exists: `{ name: "token PIN", value: TEST_SECRETS.tokenPins.…, type: "digits" }`.
 */
const SOUGHT: readonly SoughtSecret[] = [
  { name: "access key", value: KEY, type: "access-key" },
  { name: "customer OTP", value: OTP, type: "digits" },
  { name: "admin PIN", value: PIN, type: "digits" },
  { name: "wrong admin PIN", value: WRONG_PIN, type: "digits" },
  { name: "customer mobile", value: MOBILE, type: "digits" },
  { name: "token PIN", value: TEST_SECRETS.tokenPins.user, type: "digits" },
];

/** A counter whose token refuses with `error`: the OTP request through the window and the CLI. */
const tokenFails = (name: string, error: RefundDeskError): { cases: Case[] } => ({
  cases: [{ name, world: { tokenFails: error }, ...otp() }],
});
const standIn = { cause: "the token's stand-in" };

/** The worlds a case can ask for; the stub and the TLS server start once for the file. */
type Where = "stub" | "tls" | "closed";

interface Case {
  /** What it stands for, in a failure's message. */
  name: string;
  /** Eko's answer (the stub's): by request, so a refund and the inquiry after it can differ. */
  eko?: (request: StubRequest) => StubAnswer;
  where?: Where;
  world?: Omit<WorldSetup, "baseUrl">;
  /** The window's request(s), through dispatch; the reply returned is the one judged. */
  window: (call: WindowCall) => Promise<unknown>;
  /** The same through the CLI, or null where the CLI has no such command. */
  cli: { args: string[]; stdin?: string } | null;
  /**
   * Whether the CLI meets the same kind: not where the kind needs two requests in one run (busy,
   * cooldown), an unlock the CLI cannot make (set-by-policy), or a throw runCli passes on (internal).
   */
  cliSameKind?: boolean;
}

type Produced = { cases: Case[] } | { notProduced: string };

const otp = (): Pick<Case, "window" | "cli"> => ({
  window: (call) => call("requestRefundOtp", { tid: TID }),
  cli: { args: ["otp", TID] },
});
const inquire = (): Pick<Case, "window" | "cli"> => ({
  window: (call) => call("inquireTransaction", { tid: TID }),
  cli: { args: ["inquire", TID] },
});
const refund = (otpRefId: string | null = OTP_REF): Pick<Case, "window" | "cli"> => ({
  window: (call) => call("refund", { tid: TID, otp: OTP, ...(otpRefId === null ? {} : { otpRefId }) }),
  cli: { args: ["refund", TID, ...(otpRefId === null ? [] : ["--otp-ref", otpRefId])], stdin: `${OTP}\n` },
});
const json = (status: number, body: Record<string, unknown>, headers?: Record<string, string>): StubAnswer => ({
  status,
  body,
  ...(headers ? { headers } : {}),
});
const text = (status: number, contentType: string, body: string): StubAnswer => ({ status, contentType, body });
/** Eko's published sample, as it wrote it. */
const sample = (file: string): StubAnswer => text(200, "application/json", sampleBody(file));
/** A Transaction Inquiry answer with this tx_status (Eko's sample otherwise). */
const inquiryWith = (txStatus: string): StubAnswer =>
  text(
    200,
    "application/json",
    sampleBody("transaction-inquiry--success.json").replace('"tx_status": "0"', `"tx_status": "${txStatus}"`),
  );
/** A refund's POST answered one way, the inquiry after it another. */
const refundThenInquiry =
  (post: StubAnswer, get: StubAnswer) =>
  ({ method }: StubRequest): StubAnswer =>
    method === "POST" ? post : get;
/** A refund's answer; the CLI checks the tid first, and finds it waiting for a refund. */
const refundAnswer = (post: StubAnswer) => refundThenInquiry(post, inquiryWith("3"));
/** Eko's refusal words that echo what was sent: the OTP must not come back out of the app. */
const echoingOtp = (status: number, responseStatusId: number, words: string) =>
  json(200, {
    status,
    response_status_id: responseStatusId,
    message: `${words} (otp ${OTP})`,
    invalid_params: { otp: `${OTP} is not valid` },
    data: {},
  });
/** Find by mobile: the customer's mobile goes to Eko in the URL, and nowhere else. */
const pending = (): Pick<Case, "window" | "cli"> => ({
  window: (call) => call("pendingRefunds", { mobile: MOBILE }),
  cli: { args: ["pending", MOBILE] },
});
const kioskWindow = (run: (call: WindowCall) => Promise<unknown>): Pick<Case, "world" | "window"> => ({
  world: { policy: "kiosk" },
  window: run,
});
const today = localDay(new Date());
/** The CLI's export of today's journal (--json needs --out); what it writes is searched too. */
const exportFile = join(tempDataDir("leak-export"), "out.csv");
const exportArgs = ["journal", "export", "--from", today, "--to", today, "--out", exportFile];

/** A keychain library that fails, echoing what it was given in its error as a careless one would. */
function echoingKeytar(): KeyStore {
  return createKeytarKeyStore(() => ({
    getPassword: async () => {
      throw new Error("The collection is locked");
    },
    setPassword: async (_service, _account, password) => {
      throw new Error(`Cannot store ${password}: the collection is locked`);
    },
    deletePassword: async () => {
      throw new Error("The collection is locked");
    },
  }));
}

/** A keychain whose read throws (not a refusal but an exception) with the key in its message. */
const throwingKeychain: KeyStore = {
  get: async () => {
    throw new Error(`keychain broke while holding ${KEY}`);
  },
  set: async () => {
    throw new Error(`keychain broke while holding ${KEY}`);
  },
  remove: async () => {
    throw new Error(`keychain broke while holding ${KEY}`);
  },
};

/**
 * Each kind, and how it is produced. A failing hardware token (issue 25's PKCS#11 signer) adds its
 * kinds to the union, so to this table: produce each with a token that fails (WorldSetup gains
 * the signer the desk is given), its PIN among SOUGHT.
 */
const PRODUCED: { [K in ErrorKind]: Produced } = {
  "invalid-input": {
    cases: [
      {
        name: "a refund for a malformed tid, with the OTP",
        window: (c) => c("refund", { tid: "12ab", otp: OTP }),
        cli: { args: ["refund", "12ab"], stdin: `${OTP}\n` },
      },
      {
        name: "an OTP with a letter in it",
        window: (c) => c("refund", { tid: TID, otp: `${OTP}x` }),
        cli: { args: ["refund", TID], stdin: `${OTP}x\n` },
      },
    ],
  },
  "not-configured": { cases: [{ name: "no key stored", world: { keyStore: memoryKeyStore() }, ...otp() }] },
  "keychain-unavailable": {
    cases: [
      {
        name: "storing the key in a keychain that fails and echoes it",
        world: { keyStore: echoingKeytar() },
        window: (c) => c("setAccessKey", { accessKey: KEY }),
        cli: { args: ["set-key"], stdin: `${KEY}\n` },
      },
      { name: "reading the key from a keychain that fails", world: { keyStore: echoingKeytar() }, ...otp() },
    ],
  },
  "auth-rejected": {
    cases: [
      { name: "403 with Eko's body", eko: () => json(403, { status: 403, message: "Forbidden" }), ...otp() },
      { name: "403 without a body", eko: () => text(403, "text/plain", ""), ...otp() },
      {
        name: "403 as a proxy's HTML",
        eko: () => text(403, "text/html", "<html><body>Forbidden</body></html>"),
        ...inquire(),
      },
      {
        name: "a production key's refusal",
        eko: () => json(200, { status: 1, message: "Please use production key" }),
        ...otp(),
      },
    ],
  },
  "clock-skew": {
    cases: [
      {
        name: "403 with a Date an hour off",
        eko: () =>
          json(403, { status: 403, message: "Forbidden" }, { date: new Date(Date.now() + 3_600_000).toUTCString() }),
        ...otp(),
      },
    ],
  },
  offline: {
    cases: [
      { name: "nothing listening", where: "closed", ...otp() },
      { name: "the connection reset", eko: () => ({ fault: "reset" }), ...inquire() },
      { name: "find by mobile, the connection reset", eko: () => ({ fault: "reset" }), ...pending() },
    ],
  },
  timeout: {
    cases: [
      { name: "no answer within the timeout", eko: () => ({ fault: "hang" }), world: { timeoutMs: 1_000 }, ...otp() },
    ],
  },
  tls: { cases: [{ name: "a self-signed certificate", where: "tls", ...otp() }] },
  "wrong-url": {
    cases: [
      {
        name: "404, no mapping rule",
        eko: () => json(404, { status: 404, message: "No mapping rule matched" }),
        ...otp(),
      },
      { name: "405 in plain text", eko: () => text(405, "text/plain", "Method Not Allowed"), ...inquire() },
    ],
  },
  "content-type-refused": {
    cases: [{ name: "415", eko: () => text(415, "text/plain", "Unsupported Media Type"), ...otp() }],
  },
  "rate-limited": { cases: [{ name: "429", eko: () => text(429, "text/plain", "Too Many Requests"), ...inquire() }] },
  server: {
    cases: [
      {
        name: "500 HTML",
        eko: () => text(500, "text/html", "<html><body><h1>500 Internal Server Error</h1></body></html>"),
        ...otp(),
      },
      {
        name: "503 with Eko's body",
        eko: () => json(503, { status: 503, message: "Service Unavailable" }),
        ...inquire(),
      },
      { name: "401 as a proxy's HTML", eko: () => text(401, "text/html", "<html>Unauthorized</html>"), ...otp() },
    ],
  },
  "bad-response": {
    cases: [
      { name: "200 not JSON", eko: () => text(200, "application/json", "not json at all"), ...otp() },
      {
        name: "200 HTML (a captive portal)",
        eko: () => text(200, "text/html", "<html><body>Login to Wi-Fi</body></html>"),
        ...inquire(),
      },
      {
        name: "200 JSON as text/plain",
        eko: () => text(200, "text/plain", '{"status":0,"data":{"otp_ref_id":"x"}}'),
        ...otp(),
      },
      { name: "a reply too large", eko: () => ({ fault: "huge" }), ...otp() },
      {
        name: "a list for an envelope",
        eko: () => text(200, "application/json", "[1,2,3]"),
        window: (c) => c("pendingRefunds", { mobile: MOBILE }),
        cli: { args: ["pending", MOBILE] },
      },
    ],
  },
  "unknown-tid": {
    cases: [
      {
        name: "168",
        eko: () =>
          json(200, {
            status: 168,
            response_status_id: 1,
            response_type_id: 168,
            message: "TID does not exist",
            data: {},
          }),
        ...otp(),
      },
    ],
  },
  "already-refunded": {
    cases: [
      { name: "Eko's sample", eko: () => sample("qr-get-refund-otp--transaction-already-refunded.json"), ...otp() },
    ],
  },
  "not-refundable": {
    cases: [
      {
        name: "Eko's sample",
        eko: () => sample("qr-get-refund-otp--transaction-not-eligible-for-refund-still-in-success-state.json"),
        ...otp(),
      },
    ],
  },
  eko: {
    cases: [
      {
        name: "945 monthly limit",
        eko: () =>
          json(200, {
            status: 945,
            response_status_id: 1,
            response_type_id: 945,
            message: "Monthly limit exhausted",
            data: {},
          }),
        ...otp(),
      },
      { name: "401 with Eko's body", eko: () => json(401, { status: 401, message: "Unauthorized" }), ...inquire() },
      {
        name: "find by mobile refused, echoing the mobile",
        eko: () => json(200, { status: 1, response_status_id: 1, message: `No customer ${MOBILE}`, data: {} }),
        ...pending(),
      },
      {
        name: "a refusal echoing the OTP, with its otp_ref_id",
        eko: refundAnswer(echoingOtp(945, 1, "Refund refused")),
        ...refund(),
      },
    ],
  },
  "otp-not-sent": {
    cases: [
      {
        name: "an empty otp_ref_id",
        eko: () => json(200, { status: 0, message: "OTP sent", data: { otp_ref_id: "" } }),
        ...otp(),
      },
    ],
  },
  busy: {
    cases: [
      {
        name: "a second request while the first waits on Eko",
        eko: () => ({ ...sample("get-refund-otp--success.json"), delayMs: 150 }),
        window: async (call) => {
          const first = call("requestRefundOtp", { tid: TID });
          const second = await call("requestRefundOtp", { tid: TID });
          await first;
          return second;
        },
        cli: { args: ["otp", TID] },
        cliSameKind: false,
      },
    ],
  },
  cooldown: {
    cases: [
      {
        name: "a resend at once",
        world: { resendCooldownMs: 30_000 },
        eko: () => sample("get-refund-otp--success.json"),
        window: async (call) => {
          await call("requestRefundOtp", { tid: TID });
          return call("requestRefundOtp", { tid: TID });
        },
        cli: { args: ["otp", TID] },
        cliSameKind: false,
      },
    ],
  },
  "wrong-otp": {
    cases: [
      {
        name: "Eko's sample",
        eko: refundAnswer(sample("qr-initiate-refund--invalid-or-expired-otp.json")),
        ...refund(),
      },
      { name: "302 echoing the OTP", eko: refundAnswer(echoingOtp(1, 302, "Wrong OTP")), ...refund() },
    ],
  },
  "otp-expired": {
    cases: [{ name: "303 echoing the OTP", eko: refundAnswer(echoingOtp(1, 303, "OTP expired")), ...refund() }],
  },
  "insufficient-balance": {
    cases: [
      {
        name: "Eko's sample",
        eko: refundAnswer(sample("qr-initiate-refund--insufficient-balance-for-refund-processing.json")),
        ...refund(),
      },
    ],
  },
  "otp-ref-needed": {
    cases: [
      {
        name: "the failure SMS's OTP refused, echoed",
        eko: refundAnswer(echoingOtp(945, 1, "Refund refused")),
        ...refund(null),
      },
    ],
  },
  "refund-outcome-unknown": {
    cases: [{ name: "the refund's answer lost, the inquiry too", eko: () => ({ fault: "reset" }), ...refund() }],
  },
  "refund-not-recorded": {
    cases: [
      {
        name: "the hold cannot be saved",
        // The CLI checks the tid first (Eko's only request here): nothing is sent for the refund.
        eko: refundAnswer({ fault: "reset" }),
        // The counter's state answers, but its record of held refunds refuses the write (a disk gone bad).
        world: {
          prepare: (dir) => {
            const state = openCounterState(dir);
            state.locked((db) =>
              db.exec(
                "CREATE TRIGGER hold_refused BEFORE INSERT ON unsettled_refunds BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END",
              ),
            );
            state.close();
          },
        },
        ...refund(),
      },
    ],
  },
  "not-journaled": {
    cases: [
      {
        name: "an OTP sent, its line refused: the journal's folder cannot be made (a file in its place)",
        eko: () => sample("get-refund-otp--success.json"),
        world: { prepare: (dir) => writeFileSync(join(dir, "journal"), "not a folder") },
        ...otp(),
      },
    ],
  },
  "refund-not-done": {
    cases: [
      {
        name: "the answer lost, the inquiry says still pending",
        eko: refundThenInquiry({ fault: "reset" }, inquiryWith("3")),
        ...refund(),
      },
    ],
  },
  "not-refund-pending": {
    cases: [
      {
        name: "the answer lost, the inquiry says the transfer succeeded",
        eko: refundThenInquiry({ fault: "reset" }, inquiryWith("0")),
        ...refund(),
      },
    ],
  },
  "settings-locked": {
    cases: [
      {
        name: "a key stored on a locked counter",
        ...kioskWindow((c) => c("setAccessKey", { accessKey: KEY })),
        cli: { args: ["set-key"], stdin: `${KEY}\n` },
      },
    ],
  },
  "set-by-policy": {
    cases: [
      {
        name: "a setting changed after unlocking with the PIN",
        ...kioskWindow(async (c) => {
          await c("unlockSettings", { pin: PIN });
          return c("updateSettings", { timeoutMs: 2_000 });
        }),
        cli: { args: ["config", "set", "timeout-ms", "2000"] },
        cliSameKind: false,
      },
    ],
  },
  "locked-down": { cases: [{ name: "a junk machine policy", world: { policy: "junk" }, ...otp() }] },
  "counter-state-unavailable": {
    cases: [
      {
        name: "a folder where the counter's shared state should be",
        world: { prepare: (dir) => mkdirSync(join(dir, COUNTER_STATE_FILE)) },
        ...otp(),
      },
    ],
  },
  "tid-busy-elsewhere": {
    cases: [
      {
        name: "the tid held by another Refund Desk process",
        world: {
          prepare: (dir) => {
            const state = openCounterState(dir);
            state.locked((db) =>
              db
                .prepare("INSERT INTO tid_locks (tid, holder, expires_at) VALUES (?, ?, ?)")
                .run(TID, "another-process", Date.now() + 60_000),
            );
            state.close();
          },
        },
        ...otp(),
      },
    ],
  },
  "no-admin-pin": {
    cases: [
      {
        name: "kiosk exit where no PIN was provisioned",
        world: { policy: "kiosk-without-pin" },
        window: (c) => c("exitKiosk", { pin: PIN }),
        cli: { args: exportArgs, stdin: `${PIN}\n` },
      },
    ],
  },
  "wrong-pin": {
    cases: [
      {
        name: "unlocking with a wrong PIN",
        ...kioskWindow((c) => c("unlockSettings", { pin: WRONG_PIN })),
        cli: { args: exportArgs, stdin: `${WRONG_PIN}\n` },
      },
      // The CLI has no kiosk to leave.
      { name: "kiosk exit with a wrong PIN", ...kioskWindow((c) => c("exitKiosk", { pin: WRONG_PIN })), cli: null },
    ],
  },
  "pin-wait": {
    cases: [
      {
        name: "the right PIN during the wait wrong ones started",
        ...kioskWindow(async (c) => {
          for (let i = 0; i < 10; i += 1) {
            const reply = (await c("unlockSettings", { pin: WRONG_PIN })) as { error?: { kind: string } };
            if (reply.error?.kind === "pin-wait") break;
          }
          return c("unlockSettings", { pin: PIN });
        }),
        cli: { args: exportArgs, stdin: `${PIN}\n` },
      },
    ],
  },
  "save-failed": {
    cases: [
      {
        name: "a kiosk's export, the PIN right, the folder a file",
        world: { policy: "kiosk", prepare: (dir) => writeFileSync(defaultExportsDir(dir), "") },
        window: (c) => c("exportHistory", { from: today, to: today, pin: PIN }),
        // The CLI's export goes to its --out file, not the exports folder (an unwritable one is an internal error there).
        cli: null,
      },
    ],
  },
  "no-printer": {
    notProduced:
      "printing takes no input and reads no secret: printReceipt's request is empty; what a receipt carries is app/receipt.test.ts's",
  },
  "print-failed": {
    notProduced: "printing takes no input and reads no secret (see no-printer); its failure is the Electron shell's",
  },
  "printer-prints-to-file": {
    notProduced:
      "printing takes no input and reads no secret (see no-printer); the OS's printer list is the Electron shell's",
  },
  "token-library": tokenFails("the token's library cannot be loaded", { kind: "token-library", details: standIn }),
  "token-absent": tokenFails("no token under the label", { kind: "token-absent", details: standIn }),
  "token-pin-wrong": tokenFails("the token refuses its PIN", { kind: "token-pin-wrong", details: standIn }),
  "token-pin-locked": tokenFails("the token's PIN is locked", { kind: "token-pin-locked", details: standIn }),
  "token-key-missing": tokenFails("no key under the label", { kind: "token-key-missing", details: standIn }),
  "token-key-cannot-sign": tokenFails("a key not allowed to sign", { kind: "token-key-cannot-sign", details: standIn }),
  "token-mechanism": tokenFails("the token cannot HMAC", { kind: "token-mechanism", details: standIn }),
  "token-timeout": tokenFails("a token that does not answer", {
    kind: "token-timeout",
    afterMs: 10_000,
    details: standIn,
  }),
  "token-failed": tokenFails("a token error of another kind", { kind: "token-failed", details: standIn }),
  internal: {
    cases: [
      {
        name: "a keychain that throws with the key in its message",
        world: { keyStore: throwingKeychain },
        ...otp(),
        cliSameKind: false,
      },
    ],
  },
};

let stub: Awaited<ReturnType<typeof startStubEko>>;
let tls: Awaited<ReturnType<typeof startSelfSignedServer>>;
let closedUrl: string;
before(async () => {
  [stub, tls] = await Promise.all([startStubEko(), startSelfSignedServer()]);
  closedUrl = `http://127.0.0.1:${await closedPort()}/ekoapi/v3`;
});
after(() => Promise.all([stub.close(), tls.close()]));

/** Each secret found, by form and place: "access key (base64) in the CLI's JSON". */
function findings(places: [string, unknown][]): string[] {
  return places.flatMap(([where, value]) => secretsIn(value, SOUGHT).map((found) => `${found} in ${where}`));
}

function leaksIn(reached: Reached): string[] {
  return findings([
    ["the error returned", (reached.reply as { error?: unknown }).error],
    ["dispatch's reply", reached.reply],
    ["this run's answers (getSession)", reached.session],
    ["the CLI's JSON", reached.cliJson],
    ["the CLI's text", reached.cliText],
    ...reached.files.map(({ path, bytes }): [string, unknown] => [path, bytes]),
    ["the CLI's export", existsSync(exportFile) ? readFileSync(exportFile) : ""],
    ["printed output", reached.output],
  ]);
}

const kindOf = (reply: unknown) => (reply as { error?: { kind?: unknown } } | null)?.error?.kind;
const cliKind = (ran: Reached["cliJson"]) => {
  try {
    return (JSON.parse(ran?.out ?? "") as { error?: { kind?: unknown } }).error?.kind;
  } catch {
    return undefined;
  }
};

test("every kind of the union is produced below or said why not", () => {
  assert.deepEqual(Object.keys(PRODUCED).sort(), [...ERROR_KINDS].sort());
  const notProduced = ERROR_KINDS.filter((kind) => "notProduced" in PRODUCED[kind]);
  assert.deepEqual(notProduced, ["no-printer", "print-failed", "printer-prints-to-file"]);
});

for (const kind of ERROR_KINDS) {
  // A kind missing from the table (only possible without the type check) fails the coverage test above.
  const produced = PRODUCED[kind] as Produced | undefined;
  if (!produced || "notProduced" in produced) continue;
  for (const c of produced.cases) {
    test(`${kind}: ${c.name}: no secret in the error, its reply, the CLI, the journal or the output`, async () => {
      stub.answer = c.eko ?? (() => ({ fault: "reset" }));
      stub.requests.length = 0;
      const where = c.where ?? "stub";
      const baseUrl = where === "tls" ? tls.url : where === "closed" ? closedUrl : stub.baseUrl;
      const reached = await reach({ baseUrl, ...c.world }, c.window, c.cli);
      // Kinds only in messages: a failing run's output must not carry what it was looking for.
      assert.equal(kindOf(reached.reply), kind, `the window got ${String(kindOf(reached.reply))}`);
      if (c.cli && c.cliSameKind !== false)
        assert.equal(cliKind(reached.cliJson), kind, `the CLI got ${String(cliKind(reached.cliJson))}`);
      // Eko's cases prove something only if the signed request (and the OTP, for a refund) went out.
      if (c.eko) {
        assert.ok(stub.requests.length > 0, "nothing reached the stub");
        if (kind !== "not-journaled")
          assert.ok(
            reached.files.some(({ path }) => path.includes(`${sep}journal${sep}`)),
            "no journal line was written",
          );
      }
      assert.equal((reached.session as { ok?: unknown }).ok, true, "this run's answers were not read back");
      assert.deepEqual(leaksIn(reached), []);
    });
  }
}

/** The answers that succeed carry no secret either: what the window and the CLI show after each. */
const ANSWERED: Omit<Case, "cliSameKind">[] = [
  {
    name: "the key stored, then the settings read",
    world: { keyStore: memoryKeyStore() },
    window: async (c) => {
      await c("setAccessKey", { accessKey: KEY });
      return c("getSettings", {});
    },
    cli: { args: ["set-key"], stdin: `${KEY}\n` },
  },
  { name: "the settings shown", window: (c) => c("getSettings", {}), cli: { args: ["config", "show"] } },
  { name: "an OTP sent", eko: () => sample("get-refund-otp--success.json"), ...otp() },
  { name: "a transaction checked", eko: () => inquiryWith("3"), ...inquire() },
  { name: "a refund made", eko: refundAnswer(sample("initiate-refund--success.json")), ...refund() },
  {
    name: "a customer's pending refunds found by mobile",
    eko: () => sample("openapi-readme--get-pending-refunds--success.json"),
    window: (c) => c("pendingRefunds", { mobile: MOBILE }),
    cli: { args: ["pending", MOBILE] },
  },
  {
    name: "the connection checked",
    eko: () => json(200, { status: 0 }),
    window: (c) => c("checkConnection", {}),
    cli: { args: ["doctor"] },
  },
  {
    name: "the settings unlocked with the PIN",
    ...kioskWindow((c) => c("unlockSettings", { pin: PIN })),
    cli: { args: exportArgs, stdin: `${PIN}\n` },
  },
  {
    name: "a kiosk's export with the PIN",
    ...kioskWindow((c) => c("exportHistory", { from: today, to: today, pin: PIN })),
    // The CLI's export with the PIN is the case above.
    cli: null,
  },
];

for (const c of ANSWERED) {
  test(`answered: ${c.name}: no secret in the reply, the CLI, the journal or the output`, async () => {
    stub.answer = c.eko ?? (() => ({ fault: "reset" }));
    stub.requests.length = 0;
    const reached = await reach({ baseUrl: stub.baseUrl, ...c.world }, c.window, c.cli);
    assert.equal((reached.reply as { ok?: unknown }).ok, true, `the window got ${String(kindOf(reached.reply))}`);
    if (c.cli) assert.equal(reached.cliJson?.code, 0, `the CLI got ${String(cliKind(reached.cliJson))}`);
    if (c.eko) assert.ok(stub.requests.length > 0, "nothing reached the stub");
    assert.deepEqual(leaksIn(reached), []);
  });
}

/** The CLI's own readers of secrets: pin-hash takes the PIN, provision the key and a policy with the PIN. */
const READ_BY_CLI: {
  name: string;
  args: (policyFile: string) => string[];
  stdin: string;
  policy?: unknown;
  elevated?: boolean;
  keyStore?: KeyStore;
  ok: boolean;
}[] = [
  { name: "pin-hash", args: () => ["pin-hash"], stdin: `${PIN}\n`, ok: true },
  {
    name: "provision",
    args: (file) => ["provision", "--file", file, "--key-stdin"],
    stdin: `${KEY}\n`,
    elevated: true,
    ok: true,
  },
  {
    name: "provision of a policy file cut short, the PIN in it",
    args: (file) => ["provision", "--file", file, "--key-stdin"],
    stdin: `${KEY}\n`,
    policy: `{ "environment": "uat", "adminPin": "${PIN}", "developerKey": "${KEY}",`,
    elevated: true,
    ok: false,
  },
  {
    name: "provision of a policy it refuses",
    args: (file) => ["provision", "--file", file, "--key-stdin"],
    stdin: `${KEY}\n`,
    policy: { environment: "nowhere", adminPin: PIN, developerKey: KEY },
    elevated: true,
    ok: false,
  },
  {
    name: "provision into a keychain that fails and echoes",
    args: (file) => ["provision", "--file", file, "--key-stdin"],
    stdin: `${KEY}\n`,
    elevated: true,
    keyStore: echoingKeytar(),
    ok: false,
  },
];

for (const c of READ_BY_CLI) {
  test(`read by the CLI: ${c.name}: no secret in its text, its JSON, the data folder or the output`, async () => {
    // The input holds the PIN (and a key): outside the run's artifacts, which the leak scan searches.
    const policyFolder = mkdtempSync(join(tmpdir(), "refund-desk-leak-provision-"));
    const policyFile = join(policyFolder, "policy.json");
    const policy = c.policy ?? {
      environment: "uat",
      ...LEAK_ACCOUNT,
      counterName: "Leak check counter",
      kioskMode: true,
      settingsLocked: true,
      adminPin: PIN,
    };
    // Each run on a fresh data folder and keychain: provisioning the second time is another matter.
    const dataDirs: string[] = [];
    const { value: runs, output } = await capturingOutput(async () => {
      const ran = [];
      for (const json of [true, false]) {
        const dataDir = tempDataDir("leak-cli");
        dataDirs.push(dataDir);
        writeFileSync(policyFile, typeof policy === "string" ? policy : JSON.stringify(policy));
        const io = cliIo(c.stdin);
        const code = await runCli(["refund-desk", ...c.args(policyFile), ...(json ? ["--json"] : [])], io, {
          fetch,
          keyStore: c.keyStore ?? memoryKeyStore(),
          dataDir,
          machinePolicyPath: null,
          pinCost: { ln: 12, r: 8, p: 1 },
          isElevated: async () => c.elevated ?? false,
        });
        ran.push({ code, out: io.out(), err: io.err() });
      }
      return ran;
    });
    rmSync(policyFolder, { recursive: true, force: true });
    assert.deepEqual(
      runs.map((r) => r.code === 0),
      [c.ok, c.ok],
      JSON.stringify(runs.map((r) => r.code)),
    );
    assert.deepEqual(
      findings([
        ["the CLI's JSON", runs[0]],
        ["the CLI's text", runs[1]],
        ...dataDirs.flatMap(filesUnder).map((path): [string, unknown] => [path, readFileSync(path)]),
        ["printed output", output],
      ]),
      [],
    );
  });
}
