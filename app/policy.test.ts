import { test } from "node:test";
import assert from "node:assert/strict";
import { SETTINGS_UNLOCK_MS } from "./policy";

test("one admin PIN opens locked settings for ten minutes", () => {
  assert.equal(SETTINGS_UNLOCK_MS, 600_000);
});
