/**
 * Hostile input over every IPC channel: random and oversized payloads, wrong types, extra fields
 * and prototype-pollution keys. None may reach the network or the keychain, crash main, or get
 * anything but invalid-input.
 */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import fc from "fast-check";
import type { RefundDeskError } from "../../app/errors";
import { IPC_CHANNELS, IPC_METHODS, type IpcMethod } from "../../app/ipc";
import { defaultExportsDir } from "../history/export-folder";
import { memoryKeyStore } from "../test-support/memory-key-store";
import { APP_PAGE, testDesk } from "../test-support/desk";
import { VALID_REQUESTS } from "../test-support/valid-requests";

// The counting store wraps a separate inner one: wrapping a store in itself would make each call
// call itself. Reads count too (Practice never reads the keychain; see dispatch.keychain.test.ts).
const inner = memoryKeyStore();
let keychainWrites = 0;
const countingKeyStore = {
  ...inner,
  get: async () => {
    keychainWrites++;
    return inner.get();
  },
  set: async (key: string) => {
    keychainWrites++;
    return inner.set(key);
  },
  remove: async () => {
    keychainWrites++;
    return inner.remove();
  },
};
const { desk, calls, dataDir } = testDesk({ keyStore: countingKeyStore });

/** A real YYYY-MM-DD day, by the Gregorian rules spelled out here rather than the app's validator. */
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function isRealDay(day: string): boolean {
  const match = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(day);
  if (!match) return false;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const last = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  return month >= 1 && month <= 12 && date >= 1 && date <= last;
}
after(() => desk.close());

/** A valid payload per method (the one fixture both fuzz tests share), to which the generators add something wrong. */
const VALID: { [M in IpcMethod]: Record<string, unknown> } = VALID_REQUESTS;

const DANGEROUS_KEYS = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty"];

const notAnObject = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.anything(), { maxLength: 5 }),
  fc.bigInt().map(String),
);

function extraField(method: IpcMethod) {
  const known = new Set(
    Object.keys(VALID[method]).concat(
      method === "updateSettings"
        ? [
            "environment",
            "customBaseUrl",
            "developerKey",
            "initiatorId",
            "userCode",
            "timeoutMs",
            "resendCooldownMs",
            "paperSize",
            "agentCopy",
            "receiptLanguages",
            "helpline",
            "grievanceContact",
            "rbiGrievance",
            "idleClearMinutes",
            "maxClockCorrectionMinutes",
          ]
        : [],
    ),
  );
  return (
    fc
      .tuple(fc.oneof(fc.constantFrom(...DANGEROUS_KEYS), fc.string({ minLength: 1, maxLength: 20 })), fc.anything())
      .filter(([key]) => !known.has(key))
      // JSON.parse makes "__proto__" an own key, as a payload arriving over IPC would have it.
      .map(([key, value]) =>
        JSON.parse(
          `{${JSON.stringify(VALID[method]).slice(1, -1)}${Object.keys(VALID[method]).length ? "," : ""}${JSON.stringify(key)}:${JSON.stringify(value ?? null) ?? "null"}}`,
        ),
      )
  );
}

function wrongTypes(method: IpcMethod) {
  const fields = Object.keys(VALID[method]);
  if (fields.length === 0) return null;
  const wrong =
    method === "updateSettings"
      ? fc.oneof(fc.string(), fc.boolean(), fc.object(), fc.constant(1e12))
      : fc.oneof(fc.integer(), fc.boolean(), fc.object(), fc.array(fc.string()), fc.constant(null));
  return fc.tuple(fc.constantFrom(...fields), wrong).map(([field, value]) => ({ ...VALID[method], [field]: value }));
}

const oversized = fc.integer({ min: 700, max: 200_000 }).map((n) => "9".repeat(n));

/** The refusal, after checking it is invalid-input and reached neither network nor keychain. */
async function refusal(channel: string, payload: unknown): Promise<RefundDeskError | null> {
  const beforeCalls = calls.length;
  const beforeWrites = keychainWrites;
  const result = await desk.dispatch(channel, payload, APP_PAGE);
  assert.equal(result.ok, false, `${channel} accepted ${JSON.stringify(payload)?.slice(0, 200)}`);
  if (!result.ok) assert.equal(result.error.kind, "invalid-input");
  assert.equal(calls.length, beforeCalls, "reached the network");
  assert.equal(keychainWrites, beforeWrites, "reached the keychain (read or write)");
  return result.ok ? null : result.error;
}

/** As refusal, for properties: fast-check reads a returned value other than true or undefined as a failure. */
async function assertRefused(channel: string, payload: unknown): Promise<void> {
  await refusal(channel, payload);
}

for (const method of IPC_METHODS) {
  const channel = IPC_CHANNELS[method];
  test(`${method}: non-object payloads are refused`, async () => {
    await fc.assert(
      fc.asyncProperty(notAnObject, (payload) => assertRefused(channel, payload)),
      { numRuns: 150 },
    );
  });
  test(`${method}: extra fields, prototype-pollution keys included, are refused`, async () => {
    await fc.assert(
      fc.asyncProperty(extraField(method), (payload) => assertRefused(channel, payload)),
      { numRuns: 150 },
    );
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });
  const wrong = wrongTypes(method);
  if (wrong) {
    test(`${method}: wrong types are refused`, async () => {
      await fc.assert(
        fc.asyncProperty(wrong, (payload) => assertRefused(channel, payload)),
        { numRuns: 150 },
      );
    });
  }
}

test("requestRefundOtp: any tid that is not 1–20 ASCII digits is refused before the network", async () => {
  const notATid = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.string({ unit: "binary", maxLength: 30 }),
    oversized.map((s) => s.slice(0, 256)),
    fc.stringMatching(/^[0-9]{21,40}$/),
  );
  await fc.assert(
    fc.asyncProperty(
      notATid.filter((tid) => !/^[0-9]{1,20}$/.test(tid.trim())),
      (tid) => assertRefused(IPC_CHANNELS.requestRefundOtp, { tid }),
    ),
    { numRuns: 300 },
  );
});

test("refund: any OTP that is not 4–8 ASCII digits is refused before the network, naming the field and never the OTP", async () => {
  // Other scripts' digits look like digits on screen; Eko takes ASCII only.
  const foreignDigits = fc
    .array(fc.constantFrom("٣", "７", "१", "৪", "0", "9"), { minLength: 4, maxLength: 8 })
    .map((d) => d.join(""));
  const notAnOtp = fc.oneof(
    fc.string({ maxLength: 64 }),
    fc.string({ unit: "binary", maxLength: 64 }),
    fc.stringMatching(/^[0-9]{0,3}$/),
    fc.stringMatching(/^[0-9]{9,64}$/),
    foreignDigits,
  );
  const reasons = ["empty", "not-digits", "too-short", "too-long"];
  await fc.assert(
    // Spaces, tabs and line breaks are dropped first ("123 456" read aloud from the SMS is fine).
    fc.asyncProperty(
      notAnOtp.filter((otp) => !/^[0-9]{4,8}$/.test(otp.replace(/[ \t\r\n]/g, ""))),
      async (otp) => {
        const error = await refusal(IPC_CHANNELS.refund, { ...VALID.refund, otp });
        // Exactly these three fields: there is nowhere the OTP could be echoed.
        assert.ok(
          error?.kind === "invalid-input" &&
            error.field === "otp" &&
            reasons.includes(error.reason) &&
            Object.keys(error).length === 3,
          JSON.stringify(error),
        );
      },
    ),
    { numRuns: 300 },
  );
});

test("readHistory and exportHistory: anything but two calendar days is refused with the field, and nothing is saved", async () => {
  // Near misses too: the right shape, a day at or past a month's end (Feb 29 in a common year,
  // Apr 31), month 00 or 13, day 00 or 32; most of them are not days, which the oracle decides.
  const pad = (n: number, width: number) => String(n).padStart(width, "0");
  const nearMiss = fc
    .tuple(
      fc.integer({ min: 1900, max: 2400 }),
      fc.integer({ min: 0, max: 13 }),
      fc.constantFrom(0, 28, 29, 30, 31, 32),
    )
    .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
  const notADay = fc.oneof(
    fc.string({ maxLength: 32 }),
    fc.stringMatching(/^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}$/),
    { arbitrary: nearMiss, weight: 4 },
    fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10).replace(/-/g, "/")),
  );
  await fc.assert(
    fc.asyncProperty(
      notADay.filter((day) => !isRealDay(day)),
      fc.boolean(),
      async (day, atFrom) => {
        const range = atFrom ? { from: day, to: "2026-03-05" } : { from: "2026-03-05", to: day };
        for (const channel of [IPC_CHANNELS.readHistory, IPC_CHANNELS.exportHistory]) {
          const error = await refusal(channel, range);
          assert.ok(error?.kind === "invalid-input" && error.field === (atFrom ? "from" : "to"), JSON.stringify(error));
        }
      },
    ),
    { numRuns: 200 },
  );
  assert.equal(existsSync(defaultExportsDir(dataDir)), false, "an export was saved");
});

test("oversized strings are refused on every string field", async () => {
  await fc.assert(
    fc.asyncProperty(oversized, async (big) => {
      await assertRefused(IPC_CHANNELS.requestRefundOtp, { tid: big });
      await assertRefused(IPC_CHANNELS.inquireTransaction, { tid: big });
      await assertRefused(IPC_CHANNELS.setAccessKey, { accessKey: big });
      await assertRefused(IPC_CHANNELS.updateSettings, { customBaseUrl: `https://x/${big}${big}${big}` });
      for (const field of ["tid", "otp", "otpRefId"])
        await assertRefused(IPC_CHANNELS.refund, { ...VALID.refund, [field]: big });
      for (const channel of [IPC_CHANNELS.unlockSettings, IPC_CHANNELS.exitKiosk])
        await assertRefused(channel, { pin: big });
      for (const field of ["from", "to"])
        await assertRefused(IPC_CHANNELS.exportHistory, { ...VALID.exportHistory, [field]: big });
    }),
    { numRuns: 20 },
  );
});
