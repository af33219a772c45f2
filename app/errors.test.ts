import { test } from "node:test";
import assert from "node:assert/strict";
import { detailsOf } from "./errors";

test("an error's details for support: what was answered, or nothing for an error nothing answered", () => {
  assert.deepEqual(detailsOf({ kind: "server", details: { httpStatus: 502, cause: "html-body" } }), {
    httpStatus: 502,
    cause: "html-body",
  });
  assert.deepEqual(detailsOf({ kind: "wrong-otp", tries: 2, details: { ekoStatus: 302 } }), { ekoStatus: 302 });
  assert.deepEqual(detailsOf({ kind: "busy", tid: "13192443" }), {});
  assert.deepEqual(detailsOf({ kind: "invalid-input", field: "tid", reason: "empty" }), {});
  assert.deepEqual(detailsOf({ kind: "settings-locked" }), {});
});
