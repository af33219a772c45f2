/**
 * The hold on refunds without a settled answer, on its own: one record for every holder of the
 * counter's state, read afresh each time; what a record that cannot be read or written does; and
 * the move of an earlier version's file into it.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, renameSync, rmdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { COUNTER_STATE_FILE, openCounterState } from "../fs/counter-state";
import { tempDataDir } from "../test-support/temp-dir";
import { createUnsettledRefunds, UNSETTLED_REFUNDS_FILE } from "./unsettled-refunds";

const legacyIn = (dir: string) => join(dir, UNSETTLED_REFUNDS_FILE);

describe("the record", () => {
  test("holds what is marked until it is settled, in the order marked", () => {
    const held = createUnsettledRefunds();
    assert.equal(held.mark("13192443"), true);
    assert.equal(held.mark("13192444"), true);
    assert.deepEqual([held.has("13192443"), held.has("13192444"), held.has("13192445")], [true, true, false]);
    assert.deepEqual(held.list(), ["13192443", "13192444"]);
    held.settle("13192443");
    assert.deepEqual([held.has("13192443"), held.list()], [false, ["13192444"]]);
    held.settle("13192443");
    assert.deepEqual(held.list(), ["13192444"], "settling a tid not held is no error");
  });

  test("one record for every holder of the data folder's state, read afresh at each step", () => {
    const dir = tempDataDir("unsettled");
    const window = createUnsettledRefunds(openCounterState(dir));
    const cli = createUnsettledRefunds(openCounterState(dir));
    assert.equal(cli.has("13192443"), false);
    window.mark("13192443");
    assert.equal(cli.has("13192443"), true, "a mark made after the other started is seen");
    cli.settle("13192443");
    assert.deepEqual(window.list(), []);
    window.mark("900461");
    assert.deepEqual(createUnsettledRefunds(openCounterState(dir)).list(), ["900461"], "a new run holds it too");
  });

  test("a record that cannot be read holds every tid and lists none; a mark is refused", () => {
    const dir = tempDataDir("unsettled");
    writeFileSync(join(dir, COUNTER_STATE_FILE), "junk the account wrote over the record ".repeat(100));
    const held = createUnsettledRefunds(openCounterState(dir));
    assert.equal(held.has("13192443"), true);
    assert.deepEqual(held.list(), []);
    assert.equal(held.mark("13192443"), false);
    assert.doesNotThrow(() => held.settle("13192443"));
  });

  test("a settle that cannot be written keeps the hold for the next run", () => {
    const dir = tempDataDir("unsettled");
    const file = join(dir, COUNTER_STATE_FILE);
    assert.equal(createUnsettledRefunds(openCounterState(dir)).mark("13192443"), true);
    renameSync(file, `${file}.aside`);
    mkdirSync(file);
    const broken = createUnsettledRefunds(openCounterState(dir));
    assert.doesNotThrow(() => broken.settle("13192443"));
    rmdirSync(file);
    renameSync(`${file}.aside`, file);
    assert.deepEqual(createUnsettledRefunds(openCounterState(dir)).list(), ["13192443"]);
  });
});

describe("an earlier version's unsettled-refunds.json", () => {
  test("every tid it names is held, and the file goes", () => {
    const dir = tempDataDir("unsettled");
    writeFileSync(legacyIn(dir), '["13192443","900461"]\n');
    const held = createUnsettledRefunds(openCounterState(dir), legacyIn(dir));
    assert.deepEqual(held.list(), ["13192443", "900461"]);
    assert.equal(existsSync(legacyIn(dir)), false);
    held.settle("13192443");
    assert.deepEqual(createUnsettledRefunds(openCounterState(dir), legacyIn(dir)).list(), ["900461"], "moved once");
  });

  test("a hand-edited file holds every run of digits, each cut to a tid's 20 digits at most", () => {
    const dir = tempDataDir("unsettled");
    writeFileSync(legacyIn(dir), `13192443, "x"\n7 ${"1".repeat(20)}99`);
    const held = createUnsettledRefunds(openCounterState(dir), legacyIn(dir));
    assert.deepEqual(held.list(), ["13192443", "7", "1".repeat(20), "99"]);
  });

  test("kept while the state cannot take its tids, so a later run still moves them", () => {
    const dir = tempDataDir("unsettled");
    writeFileSync(legacyIn(dir), '["13192443"]\n');
    mkdirSync(join(dir, COUNTER_STATE_FILE));
    createUnsettledRefunds(openCounterState(dir), legacyIn(dir));
    assert.equal(existsSync(legacyIn(dir)), true);
  });
});
