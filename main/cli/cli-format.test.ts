/** Labelled rows line their values up in one column as a terminal shows them, Hindi labels too. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { rows } from "./cli-format";

test("the values start in one column, counting the columns a terminal draws, not UTF-16 units", () => {
  const text = rows([
    ["राशि", "₹1,000.00"],
    ["काउंटर", "Pune Camp"],
    ["PIN", "set"],
  ]);
  // काउंटर is 6 UTF-16 units and 5 columns: its anusvara (ं) is drawn on the letter before it.
  assert.equal(text, ["राशि:  ₹1,000.00", "काउंटर: Pune Camp", "PIN:   set"].join("\n"));
  const columnOf = (line: string) => {
    const gap = /: +/u.exec(line);
    const before = line.slice(0, (gap?.index ?? 0) + (gap?.[0].length ?? 0));
    return [...before].filter((point) => !/[\p{Mn}\p{Me}]/u.test(point)).length;
  };
  assert.deepEqual(text.split("\n").map(columnOf), [7, 7, 7]);
});
