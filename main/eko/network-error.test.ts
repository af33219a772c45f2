/**
 * How a failed fetch is named for the agent: timeout, tls or offline, from Node's error codes on
 * the cause chain and Electron's net::ERR_* names in the message. The cases pin each edge.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { classifyNetworkError } from "./network-error";

/** An error as undici throws it: "fetch failed" with the system error as its cause. */
const undici = (code: string) =>
  Object.assign(new TypeError("fetch failed"), { cause: Object.assign(new Error(code), { code }) });

test("our own timer firing is a timeout whatever the error says, with the time waited", () => {
  assert.deepEqual(classifyNetworkError(new Error("This operation was aborted"), true, 5_000), {
    kind: "timeout",
    afterMs: 5_000,
    details: { cause: "timeout" },
  });
  assert.deepEqual(classifyNetworkError(undici("ECONNRESET"), true, 300), {
    kind: "timeout",
    afterMs: 300,
    details: { cause: "ECONNRESET" },
  });
});

test("a timeout reported by the system or by Chromium is a timeout even before our timer", () => {
  for (const code of ["ETIMEDOUT", "UND_ERR_CONNECT_TIMEOUT", "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT"]) {
    assert.deepEqual(
      classifyNetworkError(undici(code), false, 7_000),
      { kind: "timeout", afterMs: 7_000, details: { cause: code } },
      code,
    );
  }
  assert.deepEqual(classifyNetworkError(new Error("net::ERR_TIMED_OUT"), false, 7_000), {
    kind: "timeout",
    afterMs: 7_000,
    details: { cause: "ERR_TIMED_OUT" },
  });
  assert.deepEqual(classifyNetworkError(new Error("net::ERR_CONNECTION_TIMED_OUT"), false, 7_000), {
    kind: "timeout",
    afterMs: 7_000,
    details: { cause: "ERR_CONNECTION_TIMED_OUT" },
  });
  // An undici error that is not a timeout is not one.
  assert.equal(classifyNetworkError(undici("UND_ERR_SOCKET"), false, 7_000).kind, "offline");
});

test("certificate and TLS failures are tls, from Node's codes and Chromium's names", () => {
  for (const code of [
    "CERT_HAS_EXPIRED",
    "ERR_SSL_WRONG_VERSION_NUMBER",
    "ERR_TLS_CERT_ALTNAME_INVALID",
    "DEPTH_ZERO_SELF_SIGNED_CERT",
    "SELF_SIGNED_CERT_IN_CHAIN",
    "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
    "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
    "HOSTNAME_MISMATCH",
  ]) {
    assert.deepEqual(classifyNetworkError(undici(code), false, 5_000), { kind: "tls", details: { cause: code } }, code);
  }
  for (const name of ["ERR_CERT_AUTHORITY_INVALID", "ERR_BAD_SSL_CLIENT_AUTH_CERT", "ERR_SSL_PROTOCOL_ERROR"]) {
    assert.deepEqual(
      classifyNetworkError(new Error(`net::${name}`), false, 5_000),
      { kind: "tls", details: { cause: name } },
      name,
    );
  }
});

test("each TLS word alone is enough: the list covers codes that share no other word", () => {
  // Made-up codes that carry exactly one of the words, so each alternative is needed on its own.
  for (const code of [
    "X_CERT",
    "X_SSL",
    "X_TLS",
    "X_DEPTH_ZERO",
    "X_SELF_SIGNED",
    "X_UNABLE_TO_VERIFY",
    "X_UNABLE_TO_GET_ISSUER",
    "X_HOSTNAME_MISMATCH",
  ]) {
    assert.equal(classifyNetworkError(undici(code), false, 5_000).kind, "tls", code);
  }
});

test("anything else is offline, with the innermost code, or 'network' when there is none", () => {
  assert.deepEqual(classifyNetworkError(undici("ECONNREFUSED"), false, 5_000), {
    kind: "offline",
    details: { cause: "ECONNREFUSED" },
  });
  assert.deepEqual(classifyNetworkError(new Error("net::ERR_INTERNET_DISCONNECTED"), false, 5_000), {
    kind: "offline",
    details: { cause: "ERR_INTERNET_DISCONNECTED" },
  });
  for (const error of [new Error("boom"), "a string", null, undefined, 42, { message: 5, code: 7 }]) {
    assert.deepEqual(
      classifyNetworkError(error, false, 5_000),
      { kind: "offline", details: { cause: "network" } },
      JSON.stringify(error) ?? "undefined",
    );
  }
});

test("the innermost code wins over the wrappers around it", () => {
  const wrapped = Object.assign(new TypeError("fetch failed"), {
    code: "UND_ERR_SOCKET",
    cause: Object.assign(new Error("other side closed"), { code: "ECONNRESET" }),
  });
  assert.deepEqual(classifyNetworkError(wrapped, false, 5_000), { kind: "offline", details: { cause: "ECONNRESET" } });
  // Three levels: the innermost, not the second.
  const three = {
    code: "UND_ERR_SOCKET",
    cause: { code: "ERR_STREAM_PREMATURE_CLOSE", cause: { code: "ECONNRESET" } },
  };
  assert.deepEqual(classifyNetworkError(three, false, 5_000), { kind: "offline", details: { cause: "ECONNRESET" } });
  // A wrapper's timeout name does not hide an inner code that is not one, and the reverse.
  const outerTls = Object.assign(new Error("x"), { code: "ERR_TLS_X", cause: { code: "ENOTFOUND" } });
  assert.deepEqual(classifyNetworkError(outerTls, false, 5_000), { kind: "offline", details: { cause: "ENOTFOUND" } });
  // A code and a Chromium name on the same error: the name, read after the code, is the inner one.
  const both = Object.assign(new Error("net::ERR_NAME_NOT_RESOLVED"), { code: "ERR_FAILED" });
  assert.deepEqual(classifyNetworkError(both, false, 5_000), {
    kind: "offline",
    details: { cause: "ERR_NAME_NOT_RESOLVED" },
  });
});

test("the cause chain is followed five levels deep, no further", () => {
  const chain = (depth: number) => {
    let error: Record<string, unknown> = { code: "CERT_HAS_EXPIRED" };
    for (let i = 1; i < depth; i++) error = { message: "wrapper", cause: error };
    return error;
  };
  assert.equal(classifyNetworkError(chain(5), false, 5_000).kind, "tls");
  assert.deepEqual(classifyNetworkError(chain(6), false, 5_000), { kind: "offline", details: { cause: "network" } });
  // A cause that is not an object ends the walk without failing.
  assert.deepEqual(classifyNetworkError({ code: "ECONNRESET", cause: "text" }, false, 5_000), {
    kind: "offline",
    details: { cause: "ECONNRESET" },
  });
  assert.deepEqual(classifyNetworkError({ code: "ECONNRESET", cause: null }, false, 5_000), {
    kind: "offline",
    details: { cause: "ECONNRESET" },
  });
  // A loop in the chain ends too.
  const loop: Record<string, unknown> = { code: "EPIPE" };
  loop.cause = loop;
  assert.deepEqual(classifyNetworkError(loop, false, 5_000), { kind: "offline", details: { cause: "EPIPE" } });
});

test("a Chromium name is read only after net:: and only in capitals", () => {
  assert.deepEqual(classifyNetworkError(new Error("ERR_CERT_DATE_INVALID"), false, 5_000), {
    kind: "offline",
    details: { cause: "network" },
  });
  assert.deepEqual(classifyNetworkError(new Error("net::err_cert_date_invalid"), false, 5_000), {
    kind: "offline",
    details: { cause: "network" },
  });
  assert.deepEqual(classifyNetworkError(new Error("failed: net::ERR_CERT_DATE_INVALID (-201)"), false, 5_000), {
    kind: "tls",
    details: { cause: "ERR_CERT_DATE_INVALID" },
  });
});
