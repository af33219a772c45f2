import { test } from "node:test";
import assert from "node:assert/strict";
import { mobileLast4, parseCustomerMobile } from "./pending";

const refused = (reason: string) => ({ ok: false, error: { kind: "invalid-input", field: "mobile", reason } });

test("a customer's mobile: 10 digits starting 6 to 9; spaces, tabs and hyphens from reading it aloud dropped", () => {
  for (const first of ["6", "7", "8", "9"]) {
    assert.deepEqual(parseCustomerMobile(`${first}876543210`), { ok: true, value: `${first}876543210` });
  }
  assert.deepEqual(parseCustomerMobile(" 98765 43210\t"), { ok: true, value: "9876543210" });
  assert.deepEqual(parseCustomerMobile("98765-43210"), { ok: true, value: "9876543210" });
  assert.deepEqual(parseCustomerMobile("9-8-7-6-5-4-3-2-1-0"), { ok: true, value: "9876543210" });
});

test("a refused mobile names the reason", () => {
  assert.deepEqual(parseCustomerMobile(9876543210), refused("not-text"));
  assert.deepEqual(parseCustomerMobile(undefined), refused("not-text"));
  assert.deepEqual(parseCustomerMobile(""), refused("empty"));
  assert.deepEqual(parseCustomerMobile(" - \t"), refused("empty"));
  for (const bad of ["+919876543210", "98765.43210", "98765\n43210", "9876543210a", "a9876543210", "९८७६५४३२१०"]) {
    assert.deepEqual(parseCustomerMobile(bad), refused("not-digits"), bad);
  }
  assert.deepEqual(parseCustomerMobile("987654321"), refused("not-10-digits"));
  assert.deepEqual(parseCustomerMobile("98765432100"), refused("not-10-digits"));
  assert.deepEqual(parseCustomerMobile("919876543210"), refused("not-10-digits"));
  for (const first of ["0", "1", "5"]) {
    assert.deepEqual(parseCustomerMobile(`${first}876543210`), refused("bad-start"), first);
  }
});

test("a mobile is shown and journaled by its last 4 digits only", () => {
  assert.equal(mobileLast4("9876543210"), "3210");
});
