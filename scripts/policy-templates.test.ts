import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DOMParser } from "@xmldom/xmldom";
import { MACHINE_POLICY_FIELDS, POLICY_FIELDS } from "../app/setting-fields";
import { validatePolicy } from "../main/policy/policy";
import { generated } from "./policy-templates";

const ROOT = join(__dirname, "..");

function parseXml(text: string, name: string): Document {
  const problems: string[] = [];
  const doc = new DOMParser({
    errorHandler: {
      warning: (m) => problems.push(m),
      error: (m) => problems.push(m),
      fatalError: (m) => problems.push(m),
    },
  }).parseFromString(text, "text/xml");
  assert.deepEqual(problems, [], `${name} is not well-formed XML`);
  return doc;
}

test("the committed templates, profile example and field table are what the field list generates", () => {
  for (const [path, text] of generated()) {
    assert.equal(
      readFileSync(join(ROOT, path), "utf8"),
      text,
      `${path} is stale: run node --import tsx scripts/policy-templates.ts`,
    );
  }
});

test("ADMX, both ADMLs and the profile are well-formed XML naming every machine field, and a broken one is caught", () => {
  const files = generated();
  const admx = parseXml(files.get(join("build", "policy", "RefundDesk.admx")) as string, "ADMX");
  const policies = Array.from(admx.getElementsByTagName("policy")).map((p) => p.getAttribute("name"));
  assert.deepEqual(
    policies,
    MACHINE_POLICY_FIELDS.map((f) => f.name),
  );
  assert.ok(!policies.includes("adminPin"), "the clear PIN never goes into a machine policy");
  for (const lang of ["en-US", "hi-IN"]) {
    const adml = parseXml(files.get(join("build", "policy", lang, "RefundDesk.adml")) as string, lang);
    const strings = new Set(Array.from(adml.getElementsByTagName("string")).map((s) => s.getAttribute("id")));
    const presentations = new Set(
      Array.from(adml.getElementsByTagName("presentation")).map((s) => s.getAttribute("id")),
    );
    for (const ref of (files.get(join("build", "policy", "RefundDesk.admx")) as string).matchAll(
      /\$\((string|presentation)\.([^)]+)\)/g,
    )) {
      assert.ok(
        (ref[1] === "string" ? strings : presentations).has(ref[2] as string),
        `${lang} lacks ${ref[1]} ${ref[2]}`,
      );
    }
  }
  const profile = parseXml(
    files.get(join("build", "policy", "in.refunddesk.app.mobileconfig")) as string,
    "mobileconfig",
  );
  const keys = Array.from(profile.getElementsByTagName("key")).map((k) => k.textContent ?? "");
  for (const field of MACHINE_POLICY_FIELDS.filter((f) => f.example !== undefined))
    assert.ok(keys.includes(field.name), field.name);
  assert.throws(
    () => parseXml('<stringTable><string id="x">A & B</string><string>', "broken"),
    "an unescaped & or an unclosed tag is caught",
  );
});

test("the schema accepts exactly the listed fields", () => {
  const valid = { environment: "practice", counterName: "C1", kioskMode: false, settingsLocked: false };
  assert.ok(validatePolicy(valid, "machine").ok);
  const unknown = validatePolicy({ ...valid, notAField: 1 }, "machine");
  assert.ok(!unknown.ok && unknown.error[0]?.reason === "unknown-field");
  for (const field of POLICY_FIELDS) {
    const result = validatePolicy({ ...valid, [field.name]: { wrong: "type" } }, "provision");
    assert.ok(
      !result.ok && result.error.some((e) => e.field === field.name && e.reason !== "unknown-field"),
      field.name,
    );
  }
});
