/**
 * The exact refusal and failure values dispatch returns: the field named by the schema (or
 * "payload" when the payload itself is wrong), and a thrown error's name only, never its message.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { IPC_CHANNELS, type RefundDeskApi } from "../../app/ipc";
import { ok } from "../../app/result";
import { APP_PAGE, TEST_ORIGIN } from "../test-support/desk";
import { createDispatch } from "./dispatch";

function dispatchWith(inquireTransaction: RefundDeskApi["inquireTransaction"]) {
  return createDispatch({ inquireTransaction } as RefundDeskApi, TEST_ORIGIN);
}

test("a payload that is not an object is refused as a whole: field payload, reason malformed", async () => {
  const dispatch = dispatchWith(async () => assert.fail("the service ran"));
  for (const payload of ["13192443", 7, null, undefined, [{ tid: "1" }]]) {
    assert.deepEqual(await dispatch(IPC_CHANNELS.inquireTransaction, payload, APP_PAGE), {
      ok: false,
      error: { kind: "invalid-input", field: "payload", reason: "malformed" },
    });
  }
});

test("a wrong field is refused by its name", async () => {
  const dispatch = dispatchWith(async () => assert.fail("the service ran"));
  assert.deepEqual(await dispatch(IPC_CHANNELS.inquireTransaction, { tid: 13192443 }, APP_PAGE), {
    ok: false,
    error: { kind: "invalid-input", field: "tid", reason: "malformed" },
  });
});

test("a valid payload reaches the service, parsed", async () => {
  const seen: unknown[] = [];
  const dispatch = dispatchWith(async (request) => {
    seen.push(request);
    return ok({ tid: request.tid } as never);
  });
  assert.deepEqual(await dispatch(IPC_CHANNELS.inquireTransaction, { tid: "13192443" }, APP_PAGE), {
    ok: true,
    value: { tid: "13192443" },
  });
  assert.deepEqual(seen, [{ tid: "13192443" }]);
});

test("a service that throws becomes internal with the error's name only; a thrown non-Error is unknown", async () => {
  const secret = "message that may hold a secret";
  const typeError = await dispatchWith(async () => {
    throw new TypeError(secret);
  })(IPC_CHANNELS.inquireTransaction, { tid: "13192443" }, APP_PAGE);
  assert.deepEqual(typeError, { ok: false, error: { kind: "internal", details: { cause: "TypeError" } } });
  const thrownText = await dispatchWith(async () => {
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- a non-Error thrown on purpose
    throw secret;
  })(IPC_CHANNELS.inquireTransaction, { tid: "13192443" }, APP_PAGE);
  assert.deepEqual(thrownText, { ok: false, error: { kind: "internal", details: { cause: "unknown" } } });
});
