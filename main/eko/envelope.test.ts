/**
 * The envelope rules every Eko reply goes through, edge by edge, with the exact error and raw
 * details expected: written to kill the mutants StrykerJS left alive in main/eko/envelope.ts.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  businessCode,
  businessError,
  envelopeStatus,
  interpretRefundOtpReply,
  readEnvelope,
  toNumber,
  type ClockSuspect,
} from "./envelope";

const JSON_TYPE = "application/json";
const otp = (status: number, body: unknown, contentType = JSON_TYPE, suspect: ClockSuspect | null = null) =>
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
    undefined,
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
  const times = { pcTime: "2026-11-03T08:00:00.000Z", ekoTime: "2026-11-03T10:00:00.000Z" };
  assert.deepEqual(otp(403, body, JSON_TYPE, { offsetMs: 7_200_000, ...times }), {
    ok: false,
    error: { kind: "clock-skew", offsetMs: 7_200_000, ...times, details: { httpStatus: 403, ekoStatus: 0 } },
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

test("Eko's status-id table: -2 to 5 are statuses, not codes; a value just outside is the refusal's code", () => {
  // Eko's response_status_id table, written out here rather than read from the module.
  for (const id of [-2, -1, 0, 1, 2, 3, 4, 5]) {
    assert.equal(businessCode({ status: 1, response_status_id: id }), 1, `status 1, id ${id}`);
    assert.equal(businessCode({ response_status_id: id }), id, `no status, id ${id}`);
  }
  for (const id of [-3, 6, 302, 303, 347]) {
    assert.equal(businessCode({ status: 1, response_status_id: id }), id, `status 1, id ${id}`);
    assert.equal(businessCode({ response_status_id: id }), id, `no status, id ${id}`);
    assert.equal(businessCode({ status: 0, response_status_id: id }), id, `status 0, id ${id}`);
  }
  // A specific code in status wins over the id; status 2 is already specific.
  assert.equal(businessCode({ status: 945, response_status_id: 302 }), 945);
  assert.equal(businessCode({ status: 2, response_status_id: 302 }), 2);
  assert.equal(businessCode({ status: -1, response_status_id: 302 }), -1);
  assert.equal(businessCode({ status: 0 }), 0);
  assert.equal(businessCode({ status: 1 }), 1);
  assert.equal(businessCode({}), -1);
});

test("the verdict: status when present, else response_status_id with -1 and 0 both success", () => {
  assert.equal(envelopeStatus({ status: 7, response_status_id: -1 }), 7);
  assert.equal(envelopeStatus({ status: 0, response_status_id: 1 }), 0);
  assert.equal(envelopeStatus({ response_status_id: -1 }), 0);
  assert.equal(envelopeStatus({ response_status_id: 0 }), 0);
  assert.equal(envelopeStatus({ response_status_id: 1 }), 1);
  assert.equal(envelopeStatus({ response_status_id: -2 }), -2);
  assert.equal(envelopeStatus({}), undefined);
  // Through Get Refund OTP: a GET-style success id still needs the reference.
  assert.deepEqual(otp(200, { response_status_id: -1, data: { otp_ref_id: "r-1" } }), {
    ok: true,
    value: { otpRefId: "r-1", details: { httpStatus: 200, responseStatusId: -1 } },
  });
  assert.deepEqual(otp(200, { response_status_id: -1, data: {} }), {
    ok: false,
    error: { kind: "otp-not-sent", details: { httpStatus: 200, responseStatusId: -1 } },
  });
  // A reference wins over any code (Eko's own OTP-sent sample carries status 2133); without one, the code speaks.
  assert.equal(otp(200, { status: 2133, response_status_id: 1, data: { otp_ref_id: "r" } }).ok, true);
  assert.deepEqual(otp(200, { response_status_id: 303, message: "OTP expired", data: {} }), {
    ok: false,
    error: {
      kind: "eko",
      code: 303,
      message: "OTP expired",
      details: { httpStatus: 200, responseStatusId: 303, ekoMessage: "OTP expired" },
    },
  });
});

test("HTTP 500 with Eko's JSON refusal in the body is still the server's, not a business error", () => {
  const body = { status: 347, message: "Insufficient balance", data: {} };
  for (const status of [500, 502]) {
    assert.deepEqual(otp(status, body), {
      ok: false,
      error: {
        kind: "server",
        details: { httpStatus: status, ekoStatus: 347, ekoMessage: "Insufficient balance" },
      },
    });
  }
  // A 4xx that is not one of the named ones does carry the business refusal.
  assert.deepEqual(otp(400, body), {
    ok: false,
    error: {
      kind: "eko",
      code: 347,
      message: "Insufficient balance",
      details: { httpStatus: 400, ekoStatus: 347, ekoMessage: "Insufficient balance" },
    },
  });
});

test("invalid_params: names of letters, digits, _ . - up to 40 characters, words as text, at most 10 read", () => {
  const read = (invalid: unknown) => {
    const result = readEnvelope(200, JSON_TYPE, JSON.stringify({ status: 1, invalid_params: invalid }), null);
    assert.ok(result.ok);
    return result.value;
  };
  const forty = "a".repeat(40);
  const kept = read({
    "otp_ref.id-2": "required",
    [forty]: "long but fine",
    ["b".repeat(41)]: "too long",
    "": "no name",
    "bad name": "space",
    ओटीपी: "not ASCII",
    number: 5,
    control: "line\u0000one",
    blank: "   ",
    object: { a: 1 },
  });
  const expected = { "otp_ref.id-2": "required", [forty]: "long but fine", number: "5", control: "line one" };
  assert.deepEqual(kept.envelope.invalid_params, expected);
  assert.deepEqual(kept.details, { httpStatus: 200, ekoStatus: 1, invalidParams: expected });

  // The JSON key "__proto__" is an own property after JSON.parse; it is never copied.
  const proto = readEnvelope(200, JSON_TYPE, '{"status":1,"invalid_params":{"__proto__":"x","otp":"bad"}}', null);
  assert.ok(proto.ok);
  assert.deepEqual(proto.value.envelope.invalid_params, { otp: "bad" });
  assert.equal(Object.getPrototypeOf(proto.value.envelope.invalid_params), Object.prototype);

  // Only the first ten entries are read, whatever they hold.
  const twelve = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`p${i}`, `w${i}`]));
  assert.deepEqual(
    Object.keys(read(twelve).envelope.invalid_params ?? {}),
    Array.from({ length: 10 }, (_, i) => `p${i}`),
  );

  // Nothing usable: no field at all, not an empty one.
  for (const invalid of [{ "bad name": "x" }, {}, ["otp"], "otp", null, 5]) {
    const value = read(invalid);
    assert.equal("invalid_params" in value.envelope, false, JSON.stringify(invalid));
    assert.deepEqual(value.details, { httpStatus: 200, ekoStatus: 1 }, JSON.stringify(invalid));
  }
});

test("otp_ref_id as a number only when finite; a string only when not blank", () => {
  assert.deepEqual(otp(200, { status: 0, data: { otp_ref_id: 0 } }), {
    ok: true,
    value: { otpRefId: "0", details: { httpStatus: 200, ekoStatus: 0 } },
  });
  // JSON cannot carry NaN or Infinity; 1e999 parses to Infinity.
  assert.deepEqual(otp(200, '{"status":0,"data":{"otp_ref_id":1e999}}'), {
    ok: false,
    error: { kind: "otp-not-sent", details: { httpStatus: 200, ekoStatus: 0 } },
  });
  assert.deepEqual(otp(200, { status: 0, data: { otp_ref_id: "\t" } }), {
    ok: false,
    error: { kind: "otp-not-sent", details: { httpStatus: 200, ekoStatus: 0 } },
  });
  assert.deepEqual(otp(200, { status: 0, data: { otp_ref_id: " 0 " } }), {
    ok: true,
    value: { otpRefId: "0", details: { httpStatus: 200, ekoStatus: 0 } },
  });
  // An array is an object too, but has no otp_ref_id.
  assert.deepEqual(otp(200, { status: 0, data: ["r"] }), {
    ok: false,
    error: { kind: "otp-not-sent", details: { httpStatus: 200, ekoStatus: 0 } },
  });
});

test("Eko's wording of an already refunded transfer, spaced and cased as it comes", () => {
  const details = { httpStatus: 200 };
  for (const message of [
    "Transaction has already been refunded",
    "already  been   refunded",
    "already\tbeen\nrefunded",
    "Already Refunded",
  ]) {
    assert.deepEqual(businessError({ status: 1, message }, details), { kind: "already-refunded", details }, message);
  }
  for (const message of ["already beenrefunded", "alreadybeen refunded", "already in refund"]) {
    assert.equal(businessError({ status: 1, message }, details).kind, "eko", message);
  }
});
