/**
 * The IPC payload schemas at their edges: each length and range just inside and just outside, and
 * no field beyond the contract.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { AFTER_ACTION_SCHEMA, IPC_SCHEMAS } from "./ipc-schemas";
import { ACTION_METHODS, IPC_CHANNELS, IPC_METHODS, type IpcMethod } from "./ipc";
import { TEST_SECRETS } from "../main/test-support/test-secrets";
import { VALID_REQUESTS } from "../main/test-support/valid-requests";

const accepts = (method: keyof typeof IPC_SCHEMAS, payload: unknown) =>
  assert.equal(IPC_SCHEMAS[method].safeParse(payload).success, true, `${method} refused ${JSON.stringify(payload)}`);
const refuses = (method: keyof typeof IPC_SCHEMAS, payload: unknown) =>
  assert.equal(IPC_SCHEMAS[method].safeParse(payload).success, false, `${method} took ${JSON.stringify(payload)}`);

const text = (n: number) => "x".repeat(n);

/**
 * Each method's payload, by the test below that holds its edges. Typed over the contract: a new
 * method does not compile until it is given a shape here, and a new shape needs its test.
 */
const SHAPES = {
  inquireTransaction: "tid",
  requestRefundOtp: "tid",
  recordReprint: "tid",
  getSettings: "none",
  removeAccessKey: "none",
  checkConnection: "none",
  getSession: "none",
  getDesk: "none",
  lockSettings: "none",
  printReceipt: "none",
  getReceiptSetup: "none",
  refund: "refund",
  setAccessKey: "access key",
  unlockSettings: "admin PIN",
  exitKiosk: "admin PIN",
  setTokenPin: "token PIN",
  readHistory: "history",
  exportHistory: "history",
  pendingRefunds: "mobile",
  updateSettings: "settings",
} as const satisfies { [M in IpcMethod]: string };
type Shape = (typeof SHAPES)[IpcMethod];
const withShape = (shape: Shape) => IPC_METHODS.filter((method) => SHAPES[method] === shape);

test("every method's payload has its shape's test below, and the fuzz tests' valid request passes its schema", () => {
  const tested: Shape[] = [
    "tid",
    "none",
    "refund",
    "access key",
    "admin PIN",
    "token PIN",
    "history",
    "mobile",
    "settings",
  ];
  assert.deepEqual([...new Set(Object.values(SHAPES))].sort(), tested.sort());
  for (const method of IPC_METHODS) accepts(method, VALID_REQUESTS[method]);
});

test("every channel is the product's own and distinct, one per method; the counter's actions are three", () => {
  assert.deepEqual(IPC_METHODS, Object.keys(IPC_SCHEMAS));
  for (const method of IPC_METHODS) {
    const kebab = method.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    assert.equal(IPC_CHANNELS[method], `refund-desk:${kebab}`, method);
  }
  assert.deepEqual([...ACTION_METHODS], ["inquireTransaction", "requestRefundOtp", "refund"]);
});

test("a tid request: text up to 256 characters, nothing else", () => {
  for (const method of withShape("tid")) {
    accepts(method, { tid: "13192443" });
    accepts(method, { tid: text(256) });
    refuses(method, { tid: text(257) });
    refuses(method, { tid: 13192443 });
    refuses(method, {});
    refuses(method, { tid: "1", extra: 1 });
  }
});

test("requests without a payload take an empty object only", () => {
  for (const method of withShape("none")) {
    accepts(method, {});
    refuses(method, { tid: "1" });
    refuses(method, null);
  }
});

test("a refund: tid, OTP and an optional otp_ref_id, each bounded", () => {
  accepts("refund", { tid: "1", otp: TEST_SECRETS.otps.practice });
  accepts("refund", { tid: text(256), otp: text(64), otpRefId: text(256) });
  refuses("refund", { tid: text(257), otp: TEST_SECRETS.otps.practice });
  refuses("refund", { tid: "1", otp: text(65) });
  refuses("refund", { tid: "1", otp: TEST_SECRETS.otps.practice, otpRefId: text(257) });
  refuses("refund", { tid: "1" });
  refuses("refund", { otp: TEST_SECRETS.otps.practice });
  refuses("refund", { tid: "1", otp: TEST_SECRETS.otps.practice, pin: "1" });
});

test("an access key: 1 to 512 characters", () => {
  accepts("setAccessKey", { accessKey: "k" });
  accepts("setAccessKey", { accessKey: text(512) });
  refuses("setAccessKey", { accessKey: "" });
  refuses("setAccessKey", { accessKey: text(513) });
  refuses("setAccessKey", { accessKey: "k", other: "k" });
});

test("a PIN for unlocking settings or leaving a kiosk: text up to 64 characters", () => {
  for (const method of withShape("admin PIN")) {
    accepts(method, { pin: text(64) });
    refuses(method, { pin: text(65) });
    refuses(method, { pin: 1234 });
    refuses(method, { pin: "1234", tid: "1" });
  }
});

test("the token's PIN: 1 to 64 characters (main holds its finer rules), nothing else", () => {
  accepts("setTokenPin", { pin: "1" });
  accepts("setTokenPin", { pin: text(64) });
  refuses("setTokenPin", { pin: "" });
  refuses("setTokenPin", { pin: text(65) });
  refuses("setTokenPin", { pin: 1234 });
  refuses("setTokenPin", { pin: "1234", tid: "1" });
});

test("History reads and exports: two days of up to 32 characters; an export may carry the PIN", () => {
  accepts("readHistory", { from: text(32), to: text(32) });
  refuses("readHistory", { from: text(33), to: "2026-03-05" });
  refuses("readHistory", { from: "2026-03-05", to: text(33) });
  refuses("readHistory", { from: "2026-03-05" });
  refuses("readHistory", { from: "2026-03-05", to: "2026-03-05", pin: "1" });
  accepts("exportHistory", { from: text(32), to: text(32) });
  accepts("exportHistory", { from: "2026-03-05", to: "2026-03-05", pin: text(64) });
  refuses("exportHistory", { from: text(33), to: "2026-03-05" });
  refuses("exportHistory", { from: "2026-03-05", to: text(33) });
  refuses("exportHistory", { from: "2026-03-05", to: "2026-03-05", pin: text(65) });
  refuses("exportHistory", { from: "2026-03-05", to: "2026-03-05", extra: 1 });
});

test("a pending-refunds lookup: a mobile as text up to 64 characters", () => {
  accepts("pendingRefunds", { mobile: text(64) });
  refuses("pendingRefunds", { mobile: text(65) });
  refuses("pendingRefunds", { mobile: 9876543210 });
  refuses("pendingRefunds", { mobile: "9876543210", tid: "1" });
});

test("a settings change: each field optional, the text ones nullable and bounded", () => {
  accepts("updateSettings", {});
  // The field table's bounds (app/setting-fields.ts), the same main enforces and the docs state.
  const bounded = {
    customBaseUrl: 2048,
    developerKey: 128,
    initiatorId: 10,
    userCode: 8,
    printerName: 256,
    helpline: 120,
    grievanceContact: 120,
    pkcs11Token: 32,
  } as const;
  for (const [field, max] of Object.entries(bounded)) {
    accepts("updateSettings", { [field]: text(max) });
    accepts("updateSettings", { [field]: null });
    refuses("updateSettings", { [field]: text(max + 1) });
    refuses("updateSettings", { [field]: 1 });
  }
  refuses("updateSettings", { accessKey: "k" });
  refuses("updateSettings", { environment: null });
});

test("a settings change: choices from their lists only", () => {
  for (const environment of ["practice", "uat", "production", "custom"]) accepts("updateSettings", { environment });
  for (const paperSize of ["58mm", "80mm", "a4"]) accepts("updateSettings", { paperSize });
  for (const agentCopy of ["kiosk", "always", "never"]) accepts("updateSettings", { agentCopy });
  for (const receiptLanguages of ["interface", "both"]) accepts("updateSettings", { receiptLanguages });
  accepts("updateSettings", { rbiGrievance: true });
  accepts("updateSettings", { rbiGrievance: false });
  refuses("updateSettings", { environment: "staging" });
  refuses("updateSettings", { paperSize: "A4" });
  refuses("updateSettings", { agentCopy: "sometimes" });
  refuses("updateSettings", { receiptLanguages: "hi" });
  refuses("updateSettings", { rbiGrievance: "yes" });
});

test("a settings change: numbers whole and in range", () => {
  const ranges = {
    timeoutMs: [1_000, 120_000],
    resendCooldownMs: [0, 600_000],
    idleClearMinutes: [1, 15],
    maxClockCorrectionMinutes: [5, 1440],
  } as const;
  for (const [field, [min, max]] of Object.entries(ranges)) {
    accepts("updateSettings", { [field]: min });
    accepts("updateSettings", { [field]: max });
    refuses("updateSettings", { [field]: min - 1 });
    refuses("updateSettings", { [field]: max + 1 });
    refuses("updateSettings", { [field]: min + 0.5 });
    refuses("updateSettings", { [field]: null });
  }
});

test("what comes back beside an action: Eko's clock offset, a finite number or null, nothing else", () => {
  assert.equal(AFTER_ACTION_SCHEMA.safeParse({ clockOffsetMs: -125_000 }).success, true);
  assert.equal(AFTER_ACTION_SCHEMA.safeParse({ clockOffsetMs: null }).success, true);
  assert.equal(AFTER_ACTION_SCHEMA.safeParse({ clockOffsetMs: Number.POSITIVE_INFINITY }).success, false);
  assert.equal(AFTER_ACTION_SCHEMA.safeParse({}).success, false);
  assert.equal(AFTER_ACTION_SCHEMA.safeParse({ clockOffsetMs: 0, other: 1 }).success, false);
});
