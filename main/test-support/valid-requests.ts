import type { DeskServices, IpcMethod } from "../../app/ipc";
import { TEST_SECRETS } from "./test-secrets";

/**
 * One valid request per IPC method, the registry's secrets where one is carried: the base the fuzz
 * tests (dispatch.fuzz.test.ts, dispatch.keychain.test.ts) add something wrong to. Typed over the
 * contract, so a new method does not compile until its request is here.
 */
export const VALID_REQUESTS: { [M in IpcMethod]: Parameters<DeskServices[M]>[0] } = {
  inquireTransaction: { tid: "13192443" },
  refund: { tid: "13192443", otp: TEST_SECRETS.otps.practice, otpRefId: "ref" },
  getDesk: {},
  unlockSettings: { pin: TEST_SECRETS.adminPins.e2e },
  lockSettings: {},
  exitKiosk: { pin: TEST_SECRETS.adminPins.e2e },
  setTokenPin: { pin: TEST_SECRETS.tokenPins.user },
  readHistory: { from: "2026-11-25", to: "2026-11-25" },
  exportHistory: { from: "2026-11-25", to: "2026-11-25" },
  requestRefundOtp: { tid: "13192443" },
  getSettings: {},
  updateSettings: { timeoutMs: 15_000 },
  setAccessKey: { accessKey: TEST_SECRETS.accessKeys.fuzz },
  removeAccessKey: {},
  checkConnection: {},
  getSession: {},
  printReceipt: {},
  pendingRefunds: { mobile: TEST_SECRETS.customerMobiles.withPending },
  getReceiptSetup: {},
  recordReprint: { tid: "13192443" },
};
