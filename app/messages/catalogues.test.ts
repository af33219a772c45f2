import { test } from "node:test";
import assert from "node:assert/strict";
import { catalogue, hasCatalogue, LANGS, loadCatalogue } from "./catalogues";
import { en } from "./en";
import { hi } from "./hi";

test("Hindi reads as English until it is loaded, then as Hindi; loading again gives the same catalogue", async () => {
  assert.deepEqual([...LANGS], ["en", "hi"]);
  assert.equal(hasCatalogue("en"), true);
  assert.equal(hasCatalogue("hi"), false);
  assert.equal(catalogue("hi"), en);
  assert.equal(await loadCatalogue("en"), en);
  assert.equal(hasCatalogue("hi"), false, "loading English does not load Hindi");
  assert.equal(await loadCatalogue("hi"), hi);
  assert.equal(hasCatalogue("hi"), true);
  assert.equal(catalogue("hi"), hi);
  assert.equal(await loadCatalogue("hi"), hi);
  assert.equal(catalogue("en"), en);
});
