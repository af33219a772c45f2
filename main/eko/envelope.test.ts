/**
 * The envelope rules every Eko reply goes through, edge by edge, with the exact error and raw
 * details expected: written to kill the mutants StrykerJS left alive in main/eko/envelope.ts.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { businessError, interpretRefundOtpReply, readEnvelope, toNumber } from "./envelope";

const JSON_TYPE = "application/json";
const otp = (status: number, body: unknown, contentType = JSON_TYPE, suspect: { offsetMs: number } | null = null) =>
  interpretRefundOtpReply(status, contentType, typeof body === "string" ? body : JSON.stringify(body), suspect);

test("success: the otp_ref_id as text, a number made text, trimmed, cut at 128 characters", () => {
  assert.deepEqual(otp(200, { status: 0, data: { otp_ref_id: "abc-1" } }), {
    ok: true,
    value: { otpRefId: "abc-1", details: { httpStatus: 200, ekoStatus: 0 } },
  });
  assert.deepEqual(otp(200, { data: { otp_ref_id: 12345 } }), {
    ok: true,
    value: { otpRefId: "12345", details: { httpStatus: 200 } },
  });
  const trimmed = otp(200, { status: 0, data: { otp_ref_id: "  ref-2  " } });
  assert.ok(trimmed.ok && trimmed.value.otpRefId === "ref-2");
  const long = otp(200, { status: 0, data: { otp_ref_id: "x".repeat(200) } });
  assert.ok(long.ok && long.value.otpRefId === "x".repeat(128));
});

test("no usable otp_ref_id is otp-not-sent, with the details", () => {
  for (const data of [
    { otp_ref_id: "" },
    { otp_ref_id: "   " },
    { otp_ref_id: null },
    { otp_ref_id: true },
    {},
    null,
    "ref",
    5,
  ]) {
    assert.deepEqual(
      otp(200, { status: 0, data }),
      { ok: false, error: { kind: "otp-not-sent", details: { httpStatus: 200, ekoStatus: 0 } } },
      JSON.stringify(data),
    );
  }
});

test("HTTP statuses before the body: 403 by the clock or the keys, 404 and 405, 429, every 5xx", () => {
  const body = { status: 0, data: { otp_ref_id: "r" } };
  assert.deepEqual(otp(403, body, JSON_TYPE, { offsetMs: 7_200_000 }), {
    ok: false,
    error: { kind: "clock-skew", offsetMs: 7_200_000, details: { httpStatus: 403, ekoStatus: 0 } },
  });
  assert.deepEqual(otp(403, body), {
    ok: false,
    error: { kind: "auth-rejected", details: { httpStatus: 403, ekoStatus: 0 } },
  });
  for (const status of [404, 405]) {
    const result = otp(status, body);
    assert.equal(result.ok ? "ok" : result.error.kind, "wrong-url");
  }
  assert.deepEqual(otp(429, "slow down", "text/plain"), {
    ok: false,
    error: { kind: "rate-limited", details: { httpStatus: 429, cause: "json-parse" } },
  });
  for (const status of [500, 503, 599])
    assert.deepEqual(otp(status, ""), {
      ok: false,
      error: { kind: "server", details: { httpStatus: status, cause: "empty-body" } },
    });
  // Just below 500 and not one of the named ones: judged by the body.
  assert.deepEqual(otp(499, body), {
    ok: false,
    error: { kind: "server", details: { httpStatus: 499, ekoStatus: 0 } },
  });
  assert.deepEqual(otp(406, "<html></html>", "text/html"), {
    ok: false,
    error: { kind: "server", details: { httpStatus: 406, cause: "html-body" } },
  });
  assert.deepEqual(otp(201, body), {
    ok: false,
    error: { kind: "server", details: { httpStatus: 201, ekoStatus: 0 } },
  });
});

test("bodies that are not an envelope: empty, blank, HTML, not JSON, not an object", () => {
  const cases: Array<[string, string]> = [
    ["", "empty-body"],
    ["  \n ", "empty-body"],
    ["  <html>", "html-body"],
    ["{oops", "json-parse"],
    ["null", "not-an-object"],
    ["[1]", "not-an-object"],
    ['"text"', "not-an-object"],
    ["7", "not-an-object"],
  ];
  for (const [body, cause] of cases) {
    assert.deepEqual(
      readEnvelope(200, JSON_TYPE, body, null),
      { ok: false, error: { kind: "bad-response", details: { httpStatus: 200, cause } } },
      body,
    );
  }
});

test("content types: JSON and +json in any case and with parameters pass; anything else at 200 is bad-response", () => {
  const body = JSON.stringify({ status: 0, data: { otp_ref_id: "r" } });
  for (const type of [
    "application/json",
    "application/json; charset=utf-8",
    "APPLICATION/JSON",
    "  application/json  ",
    "application/problem+json",
    "application/vnd.eko+json;v=1",
  ]) {
    assert.equal(readEnvelope(200, type, body, null).ok, true, type);
  }
  for (const type of ["text/json", "application/jsonx", "text/plain", "", "application/+json", "xapplication/json"]) {
    assert.deepEqual(
      readEnvelope(200, type, body, null),
      { ok: false, error: { kind: "bad-response", details: { httpStatus: 200, ekoStatus: 0, cause: "content-type" } } },
      type,
    );
  }
  // Not 200: the content type is not judged, the status is.
  assert.equal(readEnvelope(202, "text/plain", body, null).ok, true);
});

test("the envelope's fields: numbers or digit strings, the message cut at 300 characters, only what is there", () => {
  const read = readEnvelope(
    200,
    JSON_TYPE,
    JSON.stringify({
      status: "0",
      response_status_id: " 1 ",
      response_type_id: -2,
      message: "m".repeat(301),
      data: { a: 1 },
    }),
    null,
  );
  assert.deepEqual(read, {
    ok: true,
    value: {
      httpStatus: 200,
      envelope: { status: 0, message: "m".repeat(300), response_status_id: 1, response_type_id: -2, data: { a: 1 } },
      details: { httpStatus: 200, ekoStatus: 0, responseStatusId: 1, responseTypeId: -2, ekoMessage: "m".repeat(300) },
    },
  });
  const bare = readEnvelope(200, JSON_TYPE, JSON.stringify({ message: 5, status: "x" }), null);
  assert.deepEqual(bare, {
    ok: true,
    value: {
      httpStatus: 200,
      envelope: {
        status: undefined,
        message: undefined,
        response_status_id: undefined,
        response_type_id: undefined,
        data: undefined,
      },
      details: { httpStatus: 200 },
    },
  });
});

test("toNumber: finite numbers, and strings of digits with an optional minus", () => {
  assert.equal(toNumber(0), 0);
  assert.equal(toNumber(1.5), 1.5);
  assert.equal(toNumber("0"), 0);
  assert.equal(toNumber(" 42 "), 42);
  assert.equal(toNumber("-3"), -3);
  for (const value of [
    "1.5",
    "abc",
    "",
    "-",
    "4a",
    "a4",
    "--1",
    Number.NaN,
    Number.POSITIVE_INFINITY,
    true,
    null,
    undefined,
    {},
  ]) {
    assert.equal(toNumber(value), undefined, JSON.stringify(value) ?? "undefined");
  }
});

test("business errors by code and by Eko's wording", () => {
  const details = { httpStatus: 200 };
  const kind = (status: number, message?: string) =>
    businessError(message === undefined ? { status } : { status, message }, details);
  assert.deepEqual(kind(168, "Anything"), { kind: "unknown-tid", details });
  for (const message of [
    "Transaction already refunded",
    "ALREADY BEEN REFUNDED",
    "already   refunded",
    "Txn already in refunded state",
  ]) {
    assert.deepEqual(kind(1, message), { kind: "already-refunded", details }, message);
  }
  for (const message of ["Transaction is not in a refundable state", "NOT REFUNDABLE"])
    assert.deepEqual(kind(1, message), { kind: "not-refundable", details }, message);
  assert.deepEqual(kind(1, "No mapping rule matched"), { kind: "wrong-url", details });
  assert.deepEqual(kind(403, "Please use your Production Key"), { kind: "auth-rejected", details });
  assert.deepEqual(kind(945, "Monthly limit exhausted"), {
    kind: "eko",
    code: 945,
    message: "Monthly limit exhausted",
    details,
  });
  assert.deepEqual(kind(7), { kind: "eko", code: 7, message: "", details });
  assert.deepEqual(businessError({}, details), { kind: "eko", code: -1, message: "", details });
  assert.deepEqual(kind(1, "alreadyrefunded"), { kind: "eko", code: 1, message: "alreadyrefunded", details });
});
