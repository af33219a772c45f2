/** Reading Eko's kept samples: the fixture list, a body byte for byte, a markdown table's rows and cells. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fixtureFiles, FIXTURES_DIR, sampleBody, sampleSources, tableRows } from "./eko-samples";

test("the fixtures are the files beside sources.json, sorted, sources.json itself left out", () => {
  const files = fixtureFiles();
  assert.equal(files.includes("sources.json"), false);
  assert.deepEqual(files, [...files].sort());
  assert.equal(files[0], "get-refund-otp--success.json");
  assert.ok(files.includes("openapi-readme--transaction-inquiry-tx-status.md"));
  assert.equal(FIXTURES_DIR, join(__dirname, "fixtures"));
});

test("a sample's body is the file's text, unchanged", () => {
  const file = "qr-get-refund-otp--success.json";
  assert.equal(sampleBody(file), readFileSync(join(__dirname, "fixtures", file), "utf8"));
  assert.ok(sampleSources().some((source) => source.file === file));
});

test("a table's rows: header and rule left out, outer pipes dropped, cells trimmed", () => {
  assert.deepEqual(tableRows("openapi-readme--transaction-inquiry-tx-status.md"), [
    ["0", "Success"],
    ["1", "Fail"],
    ["2", "Response Awaited/Initiated (in case of NEFT)"],
    ["3", "Refund Pending"],
    ["4", "Refunded"],
    ["5", "Hold (Transaction Inquiry Required)"],
  ]);
  const http = tableRows("openapi-readme--common-http-response-codes.md");
  assert.deepEqual(
    http.map(([code, type]) => [code, type]),
    [
      ["200", "OK"],
      ["403", "Forbidden"],
      ["404", "Not Found"],
      ["405", "Method Not Allowed"],
      ["415", "Unsupported Media Type"],
      ["500", "Internal Server Error"],
    ],
  );
  assert.equal(http[0]?.length, 3);
});
