/**
 * Every sample reply Eko publishes for the refund flow, read as Eko means it. A sample whose
 * meaning is not clear has a test that pins the app's present reading; docs list it as a
 * question for Eko. A fixture without a reading here, or without its source, fails.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { detailsOf, type RefundDeskError } from "../../../app/errors";
import type { Result } from "../../../app/result";
import { txStateOf, type TxState } from "../../../app/transaction";
import { businessCode, envelopeStatus, interpretRefundOtpReply, readEnvelope } from "../envelope";
import { interpretRefundReply } from "../refund-reply";
import { interpretTransactionReply } from "../transaction-reply";
import { fixtureFiles, sampleBody, sampleSources, tableRows } from "./eko-samples";

const JSON_TYPE = "application/json";
/** The tids the samples are about (Eko's request examples on the same pages). */
const REFUND_TID = "13192443";
const QR_TID = "2886601782";

const ok = <T>(result: Result<T, RefundDeskError>): T => {
  assert.ok(result.ok, JSON.stringify(result));
  return result.value;
};
const refused = <T>(result: Result<T, RefundDeskError>): RefundDeskError => {
  assert.ok(!result.ok, JSON.stringify(result));
  return result.error;
};

/** What each JSON sample means, by fixture file. */
const READINGS: Record<string, (body: string, httpStatus: number) => void> = {
  "transaction-inquiry--success.json": (body, http) => {
    const tx = ok(interpretTransactionReply(http, JSON_TYPE, body, null));
    assert.deepEqual(
      [
        tx.txStatus,
        tx.state,
        tx.statusText,
        tx.amount,
        tx.fee,
        tx.senderName,
        tx.recipientName,
        tx.recipientAccountLast4,
      ],
      [0, "success", "Success", "1045.00", "5.00", "Flipkart", "Virender Singh", "3534"],
    );
    // "2019-11-01 17:50:44" carries no zone: Indian time.
    assert.equal(tx.time, "2019-11-01T12:20:44.000Z");
    assert.equal(tx.details.responseTypeId, 1472);
  },
  // Ambiguous: status 2133 is non-zero, which Eko's table calls a failure; the sample is titled
  // a success and carries the otp_ref_id. Pinned: an OTP sent.
  "get-refund-otp--success.json": (body, http) => {
    const sent = ok(interpretRefundOtpReply(http, JSON_TYPE, body, null));
    assert.equal(sent.otpRefId, "zCISyglexo0Pjqp4YrS2ssweuD9v1c3aLKGxjTW8wU7An8Wem1UyNws5830yh7q/sf5J4R3BY=");
    assert.deepEqual(
      [sent.details.ekoStatus, sent.details.responseStatusId, sent.details.responseTypeId],
      [2133, 1, 2133],
    );
  },
  "openapi-readme--get-refund-otp--success.json": (body, http) =>
    READINGS["get-refund-otp--success.json"]?.(body, http),
  "initiate-refund--success.json": (body, http) => {
    const refund = ok(interpretRefundReply(http, JSON_TYPE, body, null, REFUND_TID));
    assert.deepEqual(
      [refund.refundTid, refund.refundedAmount, refund.fee, refund.balance, refund.refundedAt],
      ["2147591637", "5050.00", "50.00", "2222637312.86", "2018-10-30T12:00:14.058Z"],
    );
    assert.equal(refund.details.responseTypeId, 74);
  },
  "openapi-readme--initiate-refund--success.json": (body, http) =>
    READINGS["initiate-refund--success.json"]?.(body, http),
  // Eko's page for this call has no sample of its own: it repeats the refund reply byte for byte
  // (the same refund_tid, tid and time), so it says nothing about the list's shape. Pinned: the
  // app does not call it, and the sample stays equal to the refund reply it copies.
  "openapi-readme--get-pending-refunds--success.json": (body) => {
    assert.deepEqual(JSON.parse(body), JSON.parse(sampleBody("openapi-readme--initiate-refund--success.json")));
  },
  "qr-get-refund-otp--success.json": (body, http) => {
    const sent = ok(interpretRefundOtpReply(http, JSON_TYPE, body, null));
    assert.equal(sent.otpRefId, "OTP_REF_884321");
    assert.deepEqual([sent.details.ekoStatus, sent.details.responseTypeId], [0, 1388]);
  },
  "qr-get-refund-otp--transaction-already-refunded.json": (body, http) => {
    const error = refused(interpretRefundOtpReply(http, JSON_TYPE, body, null));
    assert.equal(error.kind, "already-refunded");
    assert.deepEqual([detailsOf(error).ekoStatus, detailsOf(error).responseStatusId], [1, -1]);
  },
  "qr-get-refund-otp--transaction-not-eligible-for-refund-still-in-success-state.json": (body, http) => {
    assert.equal(refused(interpretRefundOtpReply(http, JSON_TYPE, body, null)).kind, "not-refundable");
  },
  // Ambiguous: the refund's own id is `data.tid` here (no refund_tid), and the time has no zone.
  // Pinned: data.tid is the refund id when it differs from the tid refunded; the time is Indian.
  "qr-initiate-refund--success.json": (body, http) => {
    const refund = ok(interpretRefundReply(http, JSON_TYPE, body, null, QR_TID));
    assert.deepEqual(
      [refund.refundTid, refund.refundedAmount, refund.fee, refund.balance, refund.refundedAt],
      ["2886605555", "499.00", "0.00", null, "2024-06-02T03:41:00.000Z"],
    );
    // The same reply for the refund id's own tid names no other id: it is not taken as one.
    assert.equal(ok(interpretRefundReply(http, JSON_TYPE, body, null, "2886605555")).refundTid, null);
  },
  // Ambiguous: titled "Invalid or expired OTP" with Eko's wrong-OTP code 302 (303 is "expired").
  // Pinned: the code decides, so the OTP can be typed again.
  "qr-initiate-refund--invalid-or-expired-otp.json": (body, http) => {
    const error = refused(interpretRefundReply(http, JSON_TYPE, body, null, QR_TID));
    assert.equal(error.kind, "wrong-otp");
    assert.deepEqual(
      [detailsOf(error).ekoStatus, detailsOf(error).responseStatusId, detailsOf(error).ekoMessage],
      [1, 302, "Wrong OTP. Please enter the correct OTP."],
    );
  },
  "qr-initiate-refund--otp-session-expired.json": (body, http) => {
    assert.equal(refused(interpretRefundReply(http, JSON_TYPE, body, null, QR_TID)).kind, "otp-expired");
  },
  "qr-initiate-refund--insufficient-balance-for-refund-processing.json": (body, http) => {
    assert.equal(refused(interpretRefundReply(http, JSON_TYPE, body, null, QR_TID)).kind, "insufficient-balance");
  },
};

/** Eko's tx_status words → the app's states. */
const STATE_OF_WORDS: [RegExp, TxState][] = [
  [/^Success$/, "success"],
  [/^Fail$/, "failed"],
  [/^Response Awaited/, "in-progress"],
  [/^Refund Pending$/, "refund-pending"],
  [/^Refunded$/, "refunded"],
  [/^Hold/, "hold"],
];

/** The refusal codes that change the refund step; any other is Eko's own words and code. */
const REFUND_KINDS: Readonly<Record<number, RefundDeskError["kind"]>> = {
  168: "unknown-tid",
  302: "wrong-otp",
  303: "otp-expired",
  347: "insufficient-balance",
};

const HTTP_KINDS: Readonly<Record<number, RefundDeskError["kind"] | "answer">> = {
  200: "answer",
  403: "auth-rejected",
  404: "wrong-url",
  405: "wrong-url",
  415: "content-type-refused",
  500: "server",
};

describe("Eko's published samples", () => {
  test("every fixture has its source (repository, path, entry, scenario, commit) and every source its fixture", () => {
    const sources = sampleSources();
    assert.deepEqual(sources.map((s) => s.file).sort(), fixtureFiles());
    for (const source of sources) {
      assert.match(source.repository, /^ekoindia\/(eps-platform|openapi-spec)$/, source.file);
      assert.match(source.commit, /^[0-9a-f]{40}$/, source.file);
      assert.ok(source.path && source.entry && source.scenario, source.file);
    }
  });

  for (const source of sampleSources().filter((s) => s.file.endsWith(".json"))) {
    test(`${source.repository} ${source.entry}: ${source.scenario}`, () => {
      const reading = READINGS[source.file];
      assert.ok(reading, `${source.file} has no reading`);
      reading(sampleBody(source.file), source.httpStatus ?? 200);
    });
  }

  test("the tx_status table: each row is the state its words say", () => {
    const rows = tableRows("openapi-readme--transaction-inquiry-tx-status.md");
    assert.equal(rows.length, 6);
    for (const [code = "", words = ""] of rows) {
      const state = STATE_OF_WORDS.find(([pattern]) => pattern.test(words))?.[1];
      assert.ok(state, `no state for "${words}"`);
      assert.equal(txStateOf(Number(code)), state, words);
    }
  });

  test("the status table: each code read the same from status or from response_status_id (under status 1)", () => {
    const codes = tableRows("openapi-readme--response-status-codes.md")
      .map(([code = ""]) => code)
      .filter((code) => /^\d+$/.test(code))
      .map(Number);
    assert.ok(codes.length > 30 && codes.includes(302) && codes.includes(347));
    for (const code of codes) {
      const shapes = [
        { status: code, message: "m" },
        { status: 1, response_status_id: code, message: "m" },
      ];
      for (const shape of shapes) {
        const result = interpretRefundReply(200, JSON_TYPE, JSON.stringify({ ...shape, data: {} }), null, REFUND_TID);
        if (code === 0) {
          if (shape.status === 0) assert.ok(result.ok, "status 0 is success");
          continue;
        }
        const error = refused(result);
        const expected = REFUND_KINDS[code] ?? "eko";
        assert.equal(error.kind, expected, JSON.stringify(shape));
        if (error.kind === "eko") assert.equal(error.code, code, JSON.stringify(shape));
      }
    }
  });

  test("the response_status_id table: its values are statuses, never read as a business code", () => {
    const row = tableRows("openapi-readme--common-response-parameters.md").find(
      ([name]) => name === "**response_status_id**",
    );
    const values = [...(row?.[2] ?? "").matchAll(/(-?\d+) = /g)].map((m) => Number(m[1]));
    assert.deepEqual(values, [-2, -1, 0, 1, 2, 3, 4, 5]);
    for (const value of values) assert.equal(businessCode({ status: 1, response_status_id: value }), 1, String(value));
    // Without a status, -1 and 0 are Eko's two successes.
    assert.equal(envelopeStatus({ response_status_id: -1 }), 0);
    assert.equal(envelopeStatus({ response_status_id: 0 }), 0);
    assert.equal(envelopeStatus({ response_status_id: 1 }), 1);
    assert.equal(businessCode({ status: 945, response_status_id: 302 }), 945, "status first");
  });

  test("the HTTP table: each status its own kind; 415 is the app's request, not Eko's server", () => {
    const rows = tableRows("openapi-readme--common-http-response-codes.md");
    assert.deepEqual(
      rows.map(([code]) => Number(code)),
      [200, 403, 404, 405, 415, 500],
    );
    for (const [code = ""] of rows) {
      const http = Number(code);
      const read = readEnvelope(http, JSON_TYPE, JSON.stringify({ status: 0, data: {} }), null);
      assert.equal(read.ok ? "answer" : read.error.kind, HTTP_KINDS[http], code);
    }
  });
});
