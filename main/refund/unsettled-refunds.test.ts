/**
 * The hold on refunds without a settled answer, on its own: what the file says after each change,
 * how a write that fails leaves memory, and what a torn or odd file still holds.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDataDir } from "../test-support/temp-dir";
import { createUnsettledRefunds } from "./unsettled-refunds";

const fileIn = (dir: string) => join(dir, "unsettled-refunds.json");

describe("in memory", () => {
  test("holds what is marked until it is settled, in the order marked", () => {
    const held = createUnsettledRefunds();
    assert.equal(held.mark("13192443"), true);
    assert.equal(held.mark("13192444"), true);
    assert.deepEqual([held.has("13192443"), held.has("13192444"), held.has("13192445")], [true, true, false]);
    assert.deepEqual(held.list(), ["13192443", "13192444"]);
    held.settle("13192443");
    assert.deepEqual([held.has("13192443"), held.list()], [false, ["13192444"]]);
  });
});

describe("with a file", () => {
  test("each change rewrites it as a JSON list, one line; the last settle removes it", () => {
    const file = fileIn(tempDataDir("unsettled"));
    const held = createUnsettledRefunds(file);
    held.mark("13192443");
    assert.equal(readFileSync(file, "utf8"), '["13192443"]\n');
    held.mark("13192444");
    assert.equal(readFileSync(file, "utf8"), '["13192443","13192444"]\n');
    held.settle("13192443");
    assert.equal(readFileSync(file, "utf8"), '["13192444"]\n');
    held.settle("13192444");
    assert.equal(existsSync(file), false);
    held.settle("13192444");
    assert.equal(existsSync(file), false, "settling a tid not held is no error");
  });

  test("the folder is made if missing, for this user only", () => {
    const dir = join(tempDataDir("unsettled"), "a", "b");
    const held = createUnsettledRefunds(fileIn(dir));
    assert.equal(held.mark("13192443"), true);
    assert.equal(statSync(dir).mode & 0o777, 0o700);
    assert.equal(statSync(fileIn(dir)).mode & 0o777, 0o600);
  });

  test("settling a tid not held leaves the file as it is", () => {
    const file = fileIn(tempDataDir("unsettled"));
    const held = createUnsettledRefunds(file);
    held.mark("13192443");
    writeFileSync(file, "kept as written");
    held.settle("13192444");
    assert.equal(readFileSync(file, "utf8"), "kept as written");
  });

  test("a mark that cannot be written is refused and not held; those before it stay held", () => {
    const file = fileIn(tempDataDir("unsettled"));
    const held = createUnsettledRefunds(file);
    assert.equal(held.mark("13192443"), true);
    // The durable write goes through a temporary file beside it: a folder in its place fails it.
    mkdirSync(`${file}.${process.pid}.tmp`);
    assert.equal(held.mark("13192444"), false);
    assert.deepEqual([held.has("13192444"), held.list()], [false, ["13192443"]]);
    assert.equal(readFileSync(file, "utf8"), '["13192443"]\n');
  });

  test("a settle that cannot be written throws nothing and leaves the tid on file for the next run", () => {
    const file = fileIn(tempDataDir("unsettled"));
    const held = createUnsettledRefunds(file);
    held.mark("13192443");
    held.mark("13192444");
    mkdirSync(`${file}.${process.pid}.tmp`);
    assert.doesNotThrow(() => held.settle("13192443"));
    assert.deepEqual(held.list(), ["13192444"]);
    assert.deepEqual(createUnsettledRefunds(file).list(), ["13192443", "13192444"]);
  });

  test("with a folder where the file goes, nothing can be marked", () => {
    const dir = tempDataDir("unsettled");
    mkdirSync(fileIn(dir));
    const held = createUnsettledRefunds(fileIn(dir));
    assert.equal(held.mark("13192443"), false);
    assert.deepEqual(held.list(), []);
  });
});

describe("reading the file back", () => {
  test("a new run holds what the last one left", () => {
    const file = fileIn(tempDataDir("unsettled"));
    const first = createUnsettledRefunds(file);
    first.mark("13192443");
    first.mark("900461");
    assert.deepEqual(createUnsettledRefunds(file).list(), ["13192443", "900461"]);
  });

  test("no file, an empty list or an unreadable one: nothing held", () => {
    const dir = tempDataDir("unsettled");
    assert.deepEqual(createUnsettledRefunds(fileIn(dir)).list(), []);
    writeFileSync(fileIn(dir), "[]\n");
    assert.deepEqual(createUnsettledRefunds(fileIn(dir)).list(), []);
    const folder = join(dir, "folder.json");
    mkdirSync(folder);
    assert.deepEqual(createUnsettledRefunds(folder).list(), []);
  });

  test("a hand-edited file holds every run of digits, each cut to a tid's 20 digits at most", () => {
    const file = fileIn(tempDataDir("unsettled"));
    writeFileSync(file, `13192443, "x"\n7 ${"1".repeat(20)}99`);
    assert.deepEqual(createUnsettledRefunds(file).list(), ["13192443", "7", "1".repeat(20), "99"]);
  });
});
