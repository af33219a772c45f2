/**
 * Hostile IPC payloads reach neither the keychain (read or write) nor the network, on a desk
 * that is NOT in Practice and whose key sits in the keychain unread (main keeps it in memory once
 * read, so the desk under fuzz has made no valid call). A first test shows, on a desk set up the
 * same way, that a valid request moves the counters; without that, counting zero proves nothing.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { IPC_CHANNELS, IPC_METHODS, type IpcMethod } from "../../app/ipc";
import { PRACTICE_CREDENTIALS } from "../simulator/practice-credentials";
import { startSimulator, type Simulator } from "../simulator/simulator";
import { APP_PAGE, testDesk } from "../test-support/desk";
import { boundKeyText } from "../keychain/bound-key";
import { memoryKeyStore } from "../test-support/memory-key-store";
import { TEST_SECRETS } from "../test-support/test-secrets";
import { tempDataDir } from "../test-support/temp-dir";
import { VALID_REQUESTS } from "../test-support/valid-requests";

const account = { ...PRACTICE_CREDENTIALS, accessKey: TEST_SECRETS.accessKeys.fuzz };
const dataDir = tempDataDir("fuzz-keychain");
let sim: Simulator;

/** A desk on the shared, configured data folder, with the key in a keychain that counts every call. */
function countingDesk() {
  const inner = memoryKeyStore(boundKeyText(account.accessKey, sim.baseUrl));
  const keychain = { reads: 0, writes: 0 };
  // Wraps a separate store, so no method calls itself.
  const counting = {
    ...inner,
    get: async () => {
      keychain.reads++;
      return inner.get();
    },
    set: async (key: string) => {
      keychain.writes++;
      return inner.set(key);
    },
    remove: async () => {
      keychain.writes++;
      return inner.remove();
    },
  };
  return { ...testDesk({ keyStore: counting, dataDir }), keychain };
}

let fuzzed: ReturnType<typeof countingDesk>;

before(async () => {
  sim = await startSimulator({ accounts: [account], delayScale: 0 });
  // Configured by an earlier run of the app, so the desk under test starts with nothing read.
  const setup = testDesk({ dataDir });
  const set = await setup.desk.services.updateSettings({
    environment: "custom",
    customBaseUrl: sim.baseUrl,
    developerKey: account.developerKey,
    initiatorId: account.initiatorId,
    userCode: account.userCode,
  });
  assert.ok(set.ok, JSON.stringify(set));
  await setup.desk.close();
  fuzzed = countingDesk();
});
after(async () => {
  await fuzzed.desk.close();
  await sim.close();
});

test("outside Practice a valid request reads the keychain and reaches Eko, so the counters can move", async () => {
  const { desk, calls, keychain } = countingDesk();
  try {
    const result = await desk.dispatch(IPC_CHANNELS.requestRefundOtp, { tid: "13192443" }, APP_PAGE);
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(keychain.reads, 1, "a valid request did not read the keychain");
    assert.equal(calls.length, 1, "a valid request did not reach the network");
    const stored = await desk.dispatch(IPC_CHANNELS.setAccessKey, { accessKey: account.accessKey }, APP_PAGE);
    assert.ok(stored.ok, JSON.stringify(stored));
    assert.equal(keychain.writes, 1, "a valid key save did not write the keychain");
  } finally {
    await desk.close();
  }
});

/** A valid payload per method (the one fixture both fuzz tests share), to which the generators add something wrong. */
const VALID: { [M in IpcMethod]: Record<string, unknown> } = VALID_REQUESTS;

const notAnObject = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.anything(), { maxLength: 4 }),
);
const wrongValue = fc.oneof(fc.integer(), fc.boolean(), fc.object(), fc.array(fc.string()), fc.constant(null));

function hostile(method: IpcMethod) {
  const fields = Object.keys(VALID[method]);
  const extra = fc
    .tuple(fc.constantFrom("__proto__", "constructor", "prototype", "accessKey2", "pin2", "x"), fc.jsonValue())
    .filter(([key]) => !fields.includes(key))
    .map(
      ([key, value]) =>
        JSON.parse(
          `{${JSON.stringify(VALID[method]).slice(1, -1)}${fields.length ? "," : ""}${JSON.stringify(key)}:${JSON.stringify(value)}}`,
        ) as unknown,
    );
  const wrongType =
    fields.length === 0
      ? null
      : fc
          .tuple(fc.constantFrom(...fields), wrongValue)
          .map(([field, value]) => ({ ...VALID[method], [field]: value }));
  return wrongType ? fc.oneof(notAnObject, extra, wrongType) : fc.oneof(notAnObject, extra);
}

for (const method of IPC_METHODS) {
  test(`${method}: hostile payloads read and write no keychain and reach no network, outside Practice`, async () => {
    await fc.assert(
      fc.asyncProperty(hostile(method), async (payload) => {
        const result = await fuzzed.desk.dispatch(IPC_CHANNELS[method], payload, APP_PAGE);
        assert.equal(result.ok ? "ok" : result.error.kind, "invalid-input", JSON.stringify(payload)?.slice(0, 200));
        // Nothing read or written since the desk opened, and nothing sent.
        assert.deepEqual({ ...fuzzed.keychain, network: fuzzed.calls.length }, { reads: 0, writes: 0, network: 0 });
      }),
      { numRuns: 60 },
    );
  });
}
