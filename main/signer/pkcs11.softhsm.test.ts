/**
 * The signer pkcs11 on a real token: Debian's SoftHSM2 through pkcs11js, in the token's worker,
 * each run on tokens of its own in a temporary folder (SOFTHSM2_CONF). Eko's signature made in
 * the token equals Node's HMAC and openssl's; the key put in reads back sensitive, unextractable
 * and sign-only, its value refused; each failure is its own error kind.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { signTimestamp } from "../eko/signing";
import { signerCheck } from "../doctor/signer-check";
import { memoryKeyStore } from "../test-support/memory-key-store";
import { initToken, makeKeyWithVendorTool, ownSoftHsm, softHsmLibrary } from "../test-support/softhsm";
import { TEST_SECRETS } from "../test-support/test-secrets";
import { CK } from "./pkcs11-constants";
import { createTokenClient } from "./token-client";
import { putKeyInToken } from "./token-key";
import { createTokenPin } from "./token-pin";
import { DEFAULT_SETTINGS, EKO_BASE_URLS, type Settings } from "../../app/settings";
import type { TokenConfig } from "./token-protocol";

const library = softHsmLibrary();
const skip = library ? false : "SoftHSM2 is not installed (.ci/run installs Debian's softhsm2)";
const PIN = TEST_SECRETS.tokenPins.user;
const TOKEN = "refund-desk-test";
const OTHER = "refund-desk-other";

let token: ReturnType<typeof createTokenClient>;
before(() => {
  if (!library) return;
  ownSoftHsm();
  initToken(TOKEN);
  initToken(OTHER);
  token = createTokenClient();
});
after(async () => {
  await token?.close();
});

const config = (more: Partial<TokenConfig> = {}): TokenConfig => ({
  module: library ?? "",
  token: TOKEN,
  key: "eko-access-key",
  baseUrl: EKO_BASE_URLS.uat,
  ...more,
});
const settings = (more: Partial<Settings> = {}): Settings => ({
  ...DEFAULT_SETTINGS,
  environment: "uat",
  signer: "pkcs11",
  pkcs11Module: library,
  pkcs11Token: TOKEN,
  ...more,
});
const sign = (timestampMs: string, more: Partial<TokenConfig> = {}, pin: string = PIN) =>
  token.ask({ op: "sign", config: config(more), pin, timestampMs });
const put = (accessKey: string, more: Partial<Settings> = {}) =>
  putKeyInToken(settings(more), accessKey, { tokenPin: createTokenPin(memoryKeyStore(PIN)), token });

/** openssl's HMAC with the base64 of the access key as its (text) key: Eko's own recipe. */
function opensslHmac(accessKey: string, timestampMs: string): string {
  const key = Buffer.from(accessKey, "utf8").toString("base64");
  return execFileSync("openssl", ["dgst", "-sha256", "-hmac", key, "-binary"], { input: timestampMs }).toString(
    "base64",
  );
}

test("the PKCS#11 numbers the app writes out are pkcs11js's own", { skip }, () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the native module, as the worker loads it
  const pkcs11js = require("pkcs11js") as Record<string, number>;
  for (const [name, value] of Object.entries(CK)) assert.equal(value, pkcs11js[name], name);
});

test(
  "a key put in by set-key signs timestamps to exactly Node's HMAC and openssl's, for ASCII and non-ASCII keys",
  { skip },
  async () => {
    const keys = [
      TEST_SECRETS.accessKeys.token,
      TEST_SECRETS.accessKeys.signing,
      TEST_SECRETS.accessKeys.latin1Letters,
      TEST_SECRETS.accessKeys.devanagari,
    ];
    for (const [i, accessKey] of keys.entries()) {
      const label = `key-${i}`;
      assert.deepEqual(await put(accessKey, { pkcs11Key: label }), { ok: true, value: { replaced: 0 } });
      for (const timestampMs of ["1516705204593", "1700000000000", "1"]) {
        const signed = await sign(timestampMs, { key: label });
        assert.ok(signed.ok, JSON.stringify(signed));
        assert.equal(signed.value, signTimestamp(accessKey, timestampMs), `${label} at ${timestampMs}: Node`);
        assert.equal(signed.value, opensslHmac(accessKey, timestampMs), `${label} at ${timestampMs}: openssl`);
      }
    }
  },
);

test(
  "the key reads back sensitive, unextractable, a generic secret that only signs; its value is refused",
  { skip },
  async () => {
    assert.ok((await put(TEST_SECRETS.accessKeys.token, { pkcs11Key: "read-back" })).ok);
    const facts = await token.ask({ op: "inspect", config: config({ key: "read-back" }), pin: PIN });
    assert.ok(facts.ok, JSON.stringify(facts));
    const { token: info, ...key } = facts.value;
    assert.equal(info.label, TOKEN);
    assert.deepEqual(key, {
      keysWithLabel: 1,
      genericSecret: true,
      sensitive: true,
      extractable: false,
      sign: true,
      otherUsages: [],
      // Asking for CKA_VALUE got CKR_ATTRIBUTE_SENSITIVE (any other answer fails the inspection).
      valueReadable: false,
      hmacSha256: true,
      boundTo: EKO_BASE_URLS.uat,
    });
  },
);

test(
  "a key signs only for the environment it was put in for; a vendor-made one for Eko's own hosts only",
  { skip },
  async () => {
    assert.ok((await put(TEST_SECRETS.accessKeys.token, { pkcs11Key: "uat-only" })).ok);
    assert.ok((await sign("1", { key: "uat-only" })).ok);
    for (const baseUrl of [EKO_BASE_URLS.production, "https://collector.example/v3"]) {
      const refused = await sign("1", { key: "uat-only", baseUrl });
      assert.deepEqual(refused, {
        ok: false,
        error: { kind: "token-key-missing", details: { cause: "key-for-another-base-url" } },
      });
    }
    makeKeyWithVendorTool(library ?? "", TOKEN, {
      label: "vendor-unbound",
      type: "generic",
      sign: true,
      extractable: false,
      sensitive: true,
    });
    assert.ok((await sign("1", { key: "vendor-unbound", baseUrl: EKO_BASE_URLS.production })).ok);
    const custom = await sign("1", { key: "vendor-unbound", baseUrl: "https://collector.example/v3" });
    assert.equal(!custom.ok && custom.error.kind, "token-key-missing");
  },
);

test("set-key again (a rotation): the new key signs and the older one under the label is gone", { skip }, async () => {
  assert.ok((await put(TEST_SECRETS.accessKeys.token, { pkcs11Key: "rotated" })).ok);
  assert.deepEqual(await put(TEST_SECRETS.accessKeys.tokenRotated, { pkcs11Key: "rotated" }), {
    ok: true,
    value: { replaced: 1 },
  });
  const signed = await sign("1516705204593", { key: "rotated" });
  assert.deepEqual(signed, { ok: true, value: signTimestamp(TEST_SECRETS.accessKeys.tokenRotated, "1516705204593") });
  const facts = await token.ask({ op: "inspect", config: config({ key: "rotated" }), pin: PIN });
  assert.equal(facts.ok && facts.value.keysWithLabel, 1);
});

test("a key put in by the vendor's own tool signs too", { skip }, async () => {
  makeKeyWithVendorTool(library ?? "", TOKEN, {
    label: "vendor-made",
    type: "generic",
    sign: true,
    extractable: false,
    sensitive: true,
  });
  const signed = await sign("1516705204593", { key: "vendor-made" });
  assert.ok(signed.ok && signed.value.length === 44, JSON.stringify(signed));
});

test("each failure on SoftHSM is its own kind, and carries no PIN or key", { skip }, async () => {
  makeKeyWithVendorTool(library ?? "", OTHER, {
    label: "no-sign",
    type: "generic",
    sign: false,
    extractable: false,
    sensitive: true,
  });
  makeKeyWithVendorTool(library ?? "", OTHER, {
    label: "aes",
    type: "aes",
    sign: true,
    extractable: false,
    sensitive: true,
  });
  const kinds = [
    ["token-library", await sign("1", { module: "/nonexistent/libvendor-pkcs11.so" })],
    ["token-absent", await sign("1", { token: "no-such-token" })],
    ["token-key-missing", await sign("1", { key: "no-such-key" })],
    ["token-key-cannot-sign", await sign("1", { token: OTHER, key: "no-sign" })],
    ["token-mechanism", await sign("1", { token: OTHER, key: "aes" })],
    ["token-pin-wrong", await sign("1", { token: OTHER }, TEST_SECRETS.tokenPins.wrong)],
  ] as const;
  for (const [kind, answer] of kinds) {
    assert.ok(!answer.ok, kind);
    assert.equal(answer.error.kind, kind, JSON.stringify(answer.error));
    for (const secret of [PIN, TEST_SECRETS.tokenPins.wrong, TEST_SECRETS.tokenPins.securityOfficer])
      assert.ok(!JSON.stringify(answer.error).includes(secret), `${kind} names a PIN`);
  }
  // After a wrong PIN the right one still works: the token was tried once, not counted down.
  const right = await sign("1", { token: OTHER, key: "no-sign" });
  assert.equal(!right.ok && right.error.kind, "token-key-cannot-sign");
});

test(
  "SoftHSM never locks a PIN (why token-pin-locked is shown on a stand-in, pkcs11-session.test.ts)",
  { skip },
  async () => {
    const wrongs = [];
    for (const pin of ["0000", "1111", "2222", "3333", "4444", "5555", "6666", "7777", "8888", "9999", "00000"])
      wrongs.push(await sign("1", { token: OTHER }, pin));
    assert.ok(wrongs.every((answer) => !answer.ok && answer.error.kind === "token-pin-wrong"));
    const right = await sign("1", { token: OTHER, key: "no-sign" });
    assert.equal(!right.ok && right.error.kind, "token-key-cannot-sign", "the right PIN still logs in");
  },
);

test(
  "doctor's signer row: ok for the key set-key put in; a warning for an extractable one; failures named",
  { skip },
  async () => {
    const deps = { tokenPin: createTokenPin(memoryKeyStore(PIN)), token };
    assert.ok((await put(TEST_SECRETS.accessKeys.token, { pkcs11Key: "doctor-ok" })).ok);
    const good = await signerCheck(settings({ pkcs11Key: "doctor-ok" }), deps);
    assert.equal(good.status, "ok", JSON.stringify(good));
    assert.match(good.detail ?? "", /SoftHSM.*token "refund-desk-test", key "doctor-ok"/);

    makeKeyWithVendorTool(library ?? "", TOKEN, {
      label: "doctor-extractable",
      type: "generic",
      sign: true,
      extractable: true,
      sensitive: true,
    });
    const extractable = await signerCheck(settings({ pkcs11Key: "doctor-extractable" }), deps);
    assert.equal(extractable.status, "warn");
    assert.match(extractable.detail ?? "", /CKA_EXTRACTABLE/);

    const rows = [
      await signerCheck(settings({ pkcs11Key: "doctor-none" }), deps),
      await signerCheck(settings({ pkcs11Token: OTHER, pkcs11Key: "no-sign" }), deps),
      await signerCheck(settings({ pkcs11Token: "absent" }), deps),
      await signerCheck(settings(), { tokenPin: createTokenPin(memoryKeyStore()), token }),
    ];
    assert.deepEqual(
      rows.map((row) => [row.status, row.error?.kind]),
      [
        ["fail", "token-key-missing"],
        ["fail", "token-key-cannot-sign"],
        ["fail", "token-absent"],
        ["fail", "not-configured"],
      ],
    );
  },
);
