/**
 * Runs last in `npm test`: after every suite has stored, used and removed access keys and typed
 * customers' OTPs and admin PINs, none of them (nor a key's base64 form) may appear in any data
 * folder, settings file, journal, log, IPC transcript or the captured stdout/stderr of the whole
 * run. The OS keyring's own files are skipped: that is where the key belongs.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, sep } from "node:path";
import { IPC_CHANNELS } from "../../app/ipc";
import {
  ALL_TEST_ACCESS_KEYS,
  ALL_TEST_MOBILE_FORMS,
  ALL_TEST_MOBILES,
  ALL_TEST_OTPS,
  ALL_TEST_PASSPHRASES,
  ALL_TEST_PINS,
  TEST_SECRETS,
} from "../../main/test-support/test-secrets";
import { REDACTED } from "../host/test-host";
import { scanForLeaks } from "./leak-scan";

/**
 * Every secret the suites use, from their one registry: access keys, customer OTPs (Practice's
 * "123456" is also in the source and bundles, which are not under the scanned artifacts folder),
 * admin PINs and customer mobiles. Digit secrets are sought as values of their own, like an OTP.
 */
const STORED_KEYS = [...ALL_TEST_ACCESS_KEYS, ...ALL_TEST_PASSPHRASES];
/**
 * Customer mobiles are typed into find by mobile (receipts.spec.ts, screenshots.spec.ts): only their
 * last 4 digits may be kept anywhere. Sought whole like an OTP, and the spaced form typed as bytes.
 */
const TYPED_MOBILE_FORMS = [...ALL_TEST_MOBILE_FORMS];
const DIGIT_SECRETS = [...ALL_TEST_OTPS, ...ALL_TEST_PINS, ...ALL_TEST_MOBILES];
const artifacts = process.env.REFUND_DESK_TEST_ARTIFACTS;
const keyring = (path: string) => path.includes(`${sep}keyrings`);

test("the scanner finds a planted key, plain and base64, and reports where", () => {
  const dir = mkdtempSync(join(tmpdir(), "leak-scan-"));
  mkdirSync(join(dir, "journal"));
  writeFileSync(join(dir, "journal", "2026-11.jsonl"), `{"note":"${Buffer.from("planted-key").toString("base64")}"}\n`);
  writeFileSync(join(dir, "log.txt"), "error: planted-key rejected\n");
  writeFileSync(join(dir, "clean.txt"), "nothing here\n");
  const { scanned, findings } = scanForLeaks(dir, { keys: ["planted-key"] });
  assert.equal(scanned.length, 3);
  assert.deepEqual(findings.map((f) => `${f.file}:${f.form}`).sort(), [
    `journal${sep}2026-11.jsonl:base64`,
    "log.txt:plain",
  ]);
});

test("the scanner finds every registry secret planted in UTF-16LE and base64, keys and digits alike", () => {
  const dir = mkdtempSync(join(tmpdir(), "leak-scan-"));
  const digits = [...ALL_TEST_OTPS, ...ALL_TEST_PINS, ...ALL_TEST_MOBILES];
  for (const [i, secret] of [...ALL_TEST_ACCESS_KEYS, ...digits].entries()) {
    const wide = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`key=${secret};`, "utf16le")]);
    writeFileSync(join(dir, `wide-${i}.bin`), wide);
    writeFileSync(join(dir, `b64-${i}.txt`), `blob ${Buffer.from(secret, "utf8").toString("base64")} end\n`);
  }
  const { findings } = scanForLeaks(dir, { keys: [...ALL_TEST_ACCESS_KEYS], otps: digits });
  const count = ALL_TEST_ACCESS_KEYS.length + digits.length;
  for (let i = 0; i < count; i++) {
    const found = (file: string, form: string) => findings.some((f) => f.file === file && f.form === form);
    assert.ok(found(`wide-${i}.bin`, "utf16le"), `UTF-16LE form of secret ${i} missed`);
    assert.ok(found(`b64-${i}.txt`, "base64"), `base64 form of secret ${i} missed`);
  }
});

test("the scanner finds an OTP as a value of its own, not inside longer numbers, hex or words", () => {
  const dir = mkdtempSync(join(tmpdir(), "leak-scan-"));
  writeFileSync(
    join(dir, "transcript.jsonl"),
    `{"request":{"tid":"13192443","otp":"${TEST_SECRETS.otps.wrongE2e}"}}\n`,
  );
  writeFileSync(join(dir, "log.txt"), `refund sent with otp=${TEST_SECRETS.otps.practice}\n`);
  writeFileSync(
    join(dir, "reply.bin"),
    Buffer.concat([Buffer.from([0, 255]), Buffer.from(TEST_SECRETS.otps.practice), Buffer.from([0])]),
  );
  writeFileSync(
    join(dir, "settings.json"),
    `{"developerKey":"0123456789abcdef","initiatorId":"9123456780","note":"userkey${TEST_SECRETS.otps.practice}","waitUntil":1760000123456,"ref":"a${TEST_SECRETS.otps.wrongE2e}b"}\n`,
  );
  writeFileSync(join(dir, "encoded.txt"), `${Buffer.from(TEST_SECRETS.otps.practice).toString("base64")}\n`);
  const { scanned, findings } = scanForLeaks(dir, {
    keys: [],
    otps: [TEST_SECRETS.otps.practice, TEST_SECRETS.otps.wrongE2e],
  });
  assert.equal(scanned.length, 5);
  assert.deepEqual(findings.map((f) => `${f.file}:${f.form}`).sort(), [
    "encoded.txt:base64",
    "log.txt:otp",
    "reply.bin:otp",
    "transcript.jsonl:otp",
  ]);
});

test(
  "no access key, OTP or admin PIN used by the suite appears in any file, log, IPC reply or output of this run",
  { skip: artifacts ? false : "run by scripts/test.sh after the other suites" },
  () => {
    const folder = artifacts as string;
    // The scan must have something to look at, or passing would prove nothing.
    const transcript = join(folder, "ipc-transcript.jsonl");
    assert.ok(existsSync(transcript), "the e2e run left no IPC transcript");
    const calls = readFileSync(transcript, "utf8")
      .split("\n")
      .filter((line) => line !== "")
      .map((line) => JSON.parse(line) as { channel: string; request: unknown });
    assert.ok(
      calls.some((c) => c.channel === IPC_CHANNELS.setAccessKey),
      "the transcript holds no setAccessKey call: the key was never stored through the UI",
    );
    const refunds = calls.filter((c) => c.channel === IPC_CHANNELS.refund);
    assert.ok(refunds.length > 0, "the transcript holds no refund request: no OTP was ever typed through the UI");
    for (const { request } of refunds)
      assert.equal(
        typeof request === "object" && request !== null ? (request as { otp?: unknown }).otp : request,
        REDACTED,
        "a refund request kept its OTP",
      );
    const pinCalls = calls.filter(
      (c) => c.channel === IPC_CHANNELS.unlockSettings || c.channel === IPC_CHANNELS.exitKiosk,
    );
    assert.ok(pinCalls.length > 0, "the transcript holds no PIN request: no admin PIN was ever typed through the UI");
    for (const { request } of pinCalls) assert.deepEqual(request, { pin: REDACTED }, "a PIN request kept its PIN");
    const kioskExports = calls.filter(
      (c) =>
        c.channel === IPC_CHANNELS.exportHistory &&
        typeof c.request === "object" &&
        c.request !== null &&
        "pin" in c.request,
    );
    assert.ok(kioskExports.length > 0, "no kiosk export was made with the admin PIN");
    for (const { request } of kioskExports)
      assert.equal((request as { pin: unknown }).pin, REDACTED, "a kiosk export kept its PIN");
    assert.ok(existsSync(join(folder, "output.log")), "the run's stdout/stderr were not captured");

    const lookups = calls.filter((c) => c.channel === IPC_CHANNELS.pendingRefunds);
    assert.ok(
      lookups.length > 0,
      "the transcript holds no find-by-mobile request: no mobile was ever typed through the UI",
    );

    const secrets = { keys: [...STORED_KEYS, ...TYPED_MOBILE_FORMS], otps: DIGIT_SECRETS };
    const { scanned, findings } = scanForLeaks(folder, secrets, keyring);
    assert.ok(
      scanned.some((f) => f.endsWith("settings.json")),
      "no settings file was scanned",
    );
    assert.ok(
      scanned.some((f) => f.endsWith(".jsonl") && f.includes("journal")),
      "no journal was scanned",
    );
    // The files this release added: kiosk exports beside the data folder, the wrong-PIN record.
    assert.ok(
      scanned.some((f) => f.includes(`-exports${sep}refund-desk-`)),
      "no export beside a data folder was scanned",
    );
    assert.ok(
      scanned.some((f) => f.endsWith("pin-attempts.json")),
      "no wrong-PIN record was scanned",
    );
    assert.deepEqual(findings, [], `leaked in: ${findings.map((f) => `${f.file} (${f.form})`).join(", ")}`);
  },
);
