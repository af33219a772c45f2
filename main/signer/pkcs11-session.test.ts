/**
 * The session's rules where SoftHSM cannot be made to misbehave (it never locks a PIN and its
 * token cannot be pulled out): a stand-in library (test-support/stub-pkcs11.ts).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { createPkcs11Session, ekoKeyBytes } from "./pkcs11-session";
import { stubPkcs11, type StubBehaviour } from "../test-support/stub-pkcs11";
import { TEST_SECRETS } from "../test-support/test-secrets";
import type { TokenRequest } from "./token-protocol";
import { EKO_BASE_URLS } from "../../app/settings";

const PIN = TEST_SECRETS.tokenPins.user;
const WRONG = TEST_SECRETS.tokenPins.wrong;
const KEY = TEST_SECRETS.accessKeys.token;
const config = { module: "/stub/libstub.so", token: "stub", key: "eko-access-key", baseUrl: EKO_BASE_URLS.uat };
const sign = (pin: string): TokenRequest => ({ op: "sign", config, pin, timestampMs: "1516705204593" });

function session(behaviour: StubBehaviour) {
  const counts = { initialized: 0, logins: 0, sessions: 0, signs: 0 };
  const keyBytes = [...ekoKeyBytes(KEY)];
  return { counts, session: createPkcs11Session(() => stubPkcs11({ pin: PIN, keyBytes, ...behaviour }, counts)) };
}

test("a PIN the token says is locked is not tried: token-pin-locked, no login", () => {
  const { counts, session: s } = session({ flagsLocked: true });
  assert.deepEqual(s.handle(sign(PIN)), {
    ok: false,
    error: { kind: "token-pin-locked", details: { cause: "CKF_USER_PIN_LOCKED" } },
  });
  assert.equal(counts.logins, 0);
});

test("a login the token refuses as locked is token-pin-locked", () => {
  const { session: s } = session({ loginThrows: "CKR_PIN_LOCKED" });
  assert.deepEqual(s.handle(sign(PIN)), {
    ok: false,
    error: { kind: "token-pin-locked", details: { cause: "CKR_PIN_LOCKED" } },
  });
});

test("a wrong PIN is tried once: the same PIN again is refused without a login; another PIN is tried", () => {
  const { counts, session: s } = session({});
  const first = s.handle(sign(WRONG));
  assert.deepEqual(first, { ok: false, error: { kind: "token-pin-wrong", details: { cause: "CKR_PIN_INCORRECT" } } });
  for (let i = 0; i < 5; i++)
    assert.deepEqual(s.handle(sign(WRONG)), {
      ok: false,
      error: { kind: "token-pin-wrong", details: { cause: "pin-refused-before" } },
    });
  assert.equal(counts.logins, 1, "the token counted one wrong PIN, not six");
  const right = s.handle(sign(PIN));
  assert.ok(right.ok);
  assert.equal(counts.logins, 2);
  assert.ok(!JSON.stringify(first).includes(WRONG), "no PIN in the error");
});

test("a token pulled out mid-session: that request is token-absent, the next opens a new session and signs", () => {
  const { counts, session: s } = session({ signThrows: ["", "CKR_DEVICE_REMOVED"] });
  assert.ok(s.handle(sign(PIN)).ok, "signs in the first session");
  assert.deepEqual(s.handle(sign(PIN)), {
    ok: false,
    error: { kind: "token-absent", details: { cause: "CKR_DEVICE_REMOVED" } },
  });
  const again = s.handle(sign(PIN));
  const expected = createHmac("sha256", ekoKeyBytes(KEY)).update("1516705204593").digest("base64");
  assert.deepEqual(again, { ok: true, value: expected });
  assert.equal(counts.sessions, 2);
});

test("one session serves request after request: one login", () => {
  const { counts, session: s } = session({});
  for (let i = 0; i < 4; i++) assert.ok(s.handle(sign(PIN)).ok);
  assert.deepEqual(counts, { initialized: 1, logins: 1, sessions: 1, signs: 4 });
});

test("a library finalised under the session (an earlier worker exiting) is initialised again on the next request", () => {
  const { counts, session: s } = session({ signThrows: ["CKR_CRYPTOKI_NOT_INITIALIZED"] });
  assert.deepEqual(s.handle(sign(PIN)), {
    ok: false,
    error: { kind: "token-failed", details: { cause: "CKR_CRYPTOKI_NOT_INITIALIZED" } },
  });
  assert.ok(s.handle(sign(PIN)).ok);
  assert.equal(counts.initialized, 2);
});
