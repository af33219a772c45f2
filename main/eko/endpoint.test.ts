/**
 * Where requests go and as whom: Practice always uses its own keys and simulator; Eko's
 * environments need every setting and the access key, and say exactly which are missing.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import type { RefundDeskError } from "../../app/errors";
import { err, ok, type Result } from "../../app/result";
import { DEFAULT_SETTINGS, type Settings } from "../../app/settings";
import type { AccessKey } from "../keychain/access-key";
import type { Practice } from "../simulator/practice";
import { baseUrlFor, resolveEndpoint } from "./endpoint";
import type { Signers } from "./signer";
import { keychainSigners, signatureOf, signing } from "../test-support/signers";

const practice: Practice = { baseUrl: async () => "http://127.0.0.1:4321/ekoapi/v3", close: async () => undefined };

/** An access key store that answers `answer` and counts the reads. */
function keyOf(answer: Result<string | null, RefundDeskError>) {
  const reads = { count: 0 };
  const accessKey: AccessKey = {
    get: async () => {
      reads.count++;
      return answer;
    },
    set: async () => ok(undefined),
    remove: async () => ok(undefined),
    state: async () => "stored",
  };
  return { accessKey: keychainSigners(accessKey), reads };
}

const configured: Settings = {
  ...DEFAULT_SETTINGS,
  environment: "uat",
  developerKey: "dev-key",
  initiatorId: "9000000001",
};

test("the base URL of each environment: Eko's published ones, the custom one, the running simulator", async () => {
  assert.equal(await baseUrlFor({ ...configured, environment: "uat" }, practice), "https://staging.eko.in/ekoapi/v3");
  assert.equal(
    await baseUrlFor({ ...configured, environment: "production" }, practice),
    "https://api.eko.in/ekoicici/v3",
  );
  assert.equal(
    await baseUrlFor(
      { ...configured, environment: "custom", customBaseUrl: "https://proxy.bank.example/eko" },
      practice,
    ),
    "https://proxy.bank.example/eko",
  );
  assert.equal(await baseUrlFor({ ...configured, environment: "custom", customBaseUrl: null }, practice), null);
  assert.equal(
    await baseUrlFor({ ...configured, environment: "practice" }, practice),
    "http://127.0.0.1:4321/ekoapi/v3",
  );
});

test("Practice: its own published test keys and the simulator, whatever the settings, no keychain", async () => {
  const { accessKey, reads } = keyOf(err({ kind: "keychain-unavailable", details: {} }));
  const resolved = await signing(
    await resolveEndpoint(
      { ...configured, environment: "practice", developerKey: null, initiatorId: null },
      practice,
      accessKey,
    ),
  );
  assert.deepEqual(resolved, {
    ok: true,
    value: {
      developerKey: "becbbce45f79c6f5109f848acd540567",
      signer: signatureOf("d2fe1d99-6298-4af2-8cc5-d97dcf46df30"),
      initiatorId: "9962981729",
      baseUrl: "http://127.0.0.1:4321/ekoapi/v3",
    },
  });
  assert.equal(reads.count, 0);
});

test("an Eko environment with everything set: the settings and the key from the keychain", async () => {
  const { accessKey } = keyOf(ok("the-access-key"));
  assert.deepEqual(
    await signing(await resolveEndpoint({ ...configured, environment: "production" }, practice, accessKey)),
    {
      ok: true,
      value: {
        baseUrl: "https://api.eko.in/ekoicici/v3",
        developerKey: "dev-key",
        initiatorId: "9000000001",
        signer: signatureOf("the-access-key"),
      },
    },
  );
});

test("whatever is missing is listed, all of it at once, in the order of the settings screen", async () => {
  const none = keyOf(ok(null)).accessKey;
  assert.deepEqual(
    await resolveEndpoint(
      { ...configured, environment: "custom", customBaseUrl: null, developerKey: null, initiatorId: null },
      practice,
      none,
    ),
    { ok: false, error: { kind: "not-configured", missing: ["baseUrl", "developerKey", "initiatorId", "accessKey"] } },
  );
  const key = keyOf(ok("k")).accessKey;
  const cases: Array<[Partial<Settings>, Signers, string]> = [
    [{ environment: "custom", customBaseUrl: "" }, key, "baseUrl"],
    [{ developerKey: "" }, key, "developerKey"],
    [{ developerKey: null }, key, "developerKey"],
    [{ initiatorId: "" }, key, "initiatorId"],
    [{ initiatorId: null }, key, "initiatorId"],
    [{}, none, "accessKey"],
    [{}, keyOf(ok("")).accessKey, "accessKey"],
  ];
  for (const [change, accessKey, missing] of cases) {
    assert.deepEqual(
      await resolveEndpoint({ ...configured, ...change }, practice, accessKey),
      { ok: false, error: { kind: "not-configured", missing: [missing] } },
      missing,
    );
  }
});

test("a keychain that cannot be read is that error, not a missing key", async () => {
  const unavailable = err({ kind: "keychain-unavailable", details: { cause: "no secret service" } } as const);
  const { accessKey } = keyOf(unavailable);
  assert.deepEqual(await resolveEndpoint({ ...configured, developerKey: null }, practice, accessKey), unavailable);
});
