/**
 * Every practice or fault tid a document names is one the simulator answers for
 * (main/simulator/scenarios.ts): a doc cannot send an agent or a tester to a tid that does nothing.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fixedBehaviourFor, TRANSACTIONS } from "../main/simulator/scenarios";

const ROOT = join(__dirname, "..");

/**
 * The simulator tids a text names, with the shorthands the docs use expanded: "13192457–59" (a
 * range), "13192454/55" and "13192448 / 49 / 50" (alternatives), each suffix replacing the last digits.
 */
function namedTids(text: string): string[] {
  const tids: string[] = [];
  for (const match of text.matchAll(/\b(1319\d{4}|900\d{3})\b((?:\s?[–/]\s?\d{2,6}\b)*)/g)) {
    const first = match[1] as string;
    tids.push(first);
    let previous = first;
    for (const part of (match[2] ?? "").matchAll(/\s?([–/])\s?(\d{2,6})/g)) {
      const [, joiner, digits] = part as unknown as [string, string, string];
      const next = previous.slice(0, previous.length - digits.length) + digits;
      if (joiner === "–") for (let n = Number(previous) + 1; n < Number(next); n += 1) tids.push(String(n));
      tids.push(next);
      previous = next;
    }
  }
  return tids;
}

const knows = (tid: string) => TRANSACTIONS[tid] !== undefined || fixedBehaviourFor(tid) !== null;

test("the shorthands are read as the docs mean them", () => {
  assert.deepEqual(namedTids("13192457–59 and (13192454/55) or 900500/502/503, 13192448 / 49 / 50"), [
    ...["13192457", "13192458", "13192459", "13192454", "13192455"],
    ...["900500", "900502", "900503", "13192448", "13192449", "13192450"],
  ]);
  assert.deepEqual(namedTids("900200–900203"), ["900200", "900201", "900202", "900203"]);
  assert.deepEqual(namedTids("HTTP 404, ₹2,500.00, 9962981729, 131924430"), []);
});

test("every tid a document names is one the simulator answers for", () => {
  const docs = execFileSync("git", ["ls-files", "*.md", ":!main/eko/conformance"], { cwd: ROOT, encoding: "utf8" })
    .split("\n")
    .filter(Boolean);
  assert.ok(docs.includes("README.md") && docs.includes(join("docs", "eko.md")), docs.join(", "));
  const unknown: string[] = [];
  let named = 0;
  for (const doc of docs) {
    const tids = namedTids(readFileSync(join(ROOT, doc), "utf8"));
    named += tids.length;
    for (const tid of tids.filter((t) => !knows(t))) unknown.push(`${doc}: ${tid}`);
  }
  assert.ok(named > 30, `only ${named} tids found: the docs' shorthand changed?`);
  assert.deepEqual(unknown, []);
  assert.ok(!knows("13192499") && !knows("900999"), "a tid the simulator does not know is caught");
});
