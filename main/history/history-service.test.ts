import { test } from "node:test";
import assert from "node:assert/strict";
import { appendFileSync, existsSync, readFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { createJournal, JOURNAL_FOLDER } from "../journal/journal";
import { CSV_HEADER } from "../journal/journal-csv";
import { tempDataDir } from "../test-support/temp-dir";
import { saveIntoFolder } from "./export-folder";
import { savePathProblem } from "./save-path";
import { createHistoryService, MAX_HISTORY_READ_DAYS, type SaveFile } from "./history-service";
import { TEST_SECRETS } from "../test-support/test-secrets";

// The History screen's days are this computer's days: run these as a counter PC in India would.
process.env.TZ = "Asia/Kolkata";

/**
 * Planted in a hand-edited journal line to prove an export drops it. Not one of the OTPs the leak
 * scan looks for: this file is left in the run's artifacts on purpose.
 */
const PLANTED_OTP = TEST_SECRETS.unsought.plantedOtp;

function journalWithDays() {
  const dataDir = tempDataDir("history");
  const journal = createJournal(dataDir, "Counter 9");
  // 2026-03-04 23:59 and 2026-03-05 00:30 in India, either side of midnight; then the 5th's last minute.
  journal.append({
    at: "2026-03-04T18:29:00.000Z",
    tid: "100",
    environment: "uat",
    outcome: "otp-sent",
    otpRefTail: "aaaaaa",
  });
  journal.append({
    at: "2026-03-04T19:00:00.000Z",
    tid: "101",
    environment: "uat",
    outcome: "otp-sent",
    ekoStatus: 0,
    responseTypeId: 2133,
    otpRefTail: "bbbbbb",
  });
  journal.append({
    at: "2026-03-05T18:29:59.000Z",
    tid: "102",
    environment: "uat",
    outcome: "refund:refunded",
    ekoStatus: 0,
    otpRefTail: "cccccc",
  });
  journal.append({ at: "2026-03-05T18:30:00.000Z", tid: "103", environment: "uat", outcome: "timeout" });
  const monthFile = join(dataDir, JOURNAL_FOLDER, "2026-03.jsonl");
  return { dataDir, journal, monthFile };
}

/** A save dialog stand-in that records what it was handed. */
function recordingSave(answer: (name: string) => Promise<string | null>) {
  const saved: { name: string; text: string }[] = [];
  const save: SaveFile = async (name, chunks) => {
    const entry = { name, text: "" };
    saved.push(entry);
    const location = await answer(name);
    // A save dialog closed without a choice writes nothing, so reads nothing.
    if (location !== null) for await (const chunk of chunks) entry.text += chunk;
    return location;
  };
  return { save, saved };
}

async function* pieces(...texts: string[]) {
  yield* texts;
}

const unused: SaveFile = async () => assert.fail("nothing should be saved");

test("read: one local day, newest first, and a damaged line is counted, not fatal", async () => {
  const { journal, monthFile } = journalWithDays();
  appendFileSync(monthFile, '{"at":"2026-03-05T10:00:00.000Z","tid":"1');
  const history = createHistoryService(journal, unused);
  const page = await history.read({ from: "2026-03-05", to: "2026-03-05" });
  assert.ok(page.ok, JSON.stringify(page));
  assert.deepEqual(
    page.value.entries.map((e) => e.tid),
    ["102", "101"],
  );
  assert.equal(page.value.entries[0]?.counter, "Counter 9");
  assert.equal(page.value.skipped, 1);
  const two = await history.read({ from: "2026-03-04", to: "2026-03-06" });
  assert.ok(two.ok);
  assert.deepEqual(
    two.value.entries.map((e) => e.tid),
    ["103", "102", "101", "100"],
  );
});

test("read covers at most 31 days, export at most 366; longer ranges are refused before any save", async () => {
  const { journal } = journalWithDays();
  const history = createHistoryService(journal, unused);
  assert.equal(MAX_HISTORY_READ_DAYS, 31);
  assert.ok((await history.read({ from: "2026-03-01", to: "2026-03-31" })).ok);
  assert.deepEqual(await history.read({ from: "2026-03-01", to: "2026-04-01" }), {
    ok: false,
    error: { kind: "invalid-input", field: "to", reason: "range-too-long" },
  });

  const { save, saved } = recordingSave(async (name) => `/exports/${name}`);
  const exporter = createHistoryService(journal, save);
  const year = await exporter.export({ from: "2026-01-01", to: "2027-01-01" });
  assert.ok(year.ok && year.value.rows === 4, JSON.stringify(year));
  assert.deepEqual(await exporter.export({ from: "2026-01-01", to: "2027-01-02" }), {
    ok: false,
    error: { kind: "invalid-input", field: "to", reason: "range-too-long" },
  });
  assert.equal(saved.length, 1, "the refused export reached no save dialog");
});

test("bad days and a range that ends before it starts are refused with the field, for read and export alike", async () => {
  const { journal } = journalWithDays();
  const { save, saved } = recordingSave(async () => "/nowhere");
  const history = createHistoryService(journal, save);
  const cases: [{ from: string; to: string }, string][] = [
    [{ from: "2026-02-30", to: "2026-03-05" }, "from:not-a-date"],
    [{ from: "2026-3-5", to: "2026-03-05" }, "from:not-a-date"],
    [{ from: "", to: "2026-03-05" }, "from:not-a-date"],
    [{ from: "2026-03-05", to: "2026-02-30" }, "to:not-a-date"],
    [{ from: "2026-03-05", to: "" }, "to:not-a-date"],
    [{ from: "2026-03-05", to: "2026-03-04" }, "to:before-from"],
  ];
  for (const [range, expected] of cases) {
    for (const result of [await history.read(range), await history.export(range)]) {
      assert.ok(!result.ok && result.error.kind === "invalid-input", JSON.stringify(result));
      assert.equal(`${result.error.field}:${result.error.reason}`, expected, JSON.stringify(range));
    }
  }
  assert.deepEqual(saved, []);
});

test("export: a CSV with the header and one row per entry, oldest first, with no field beyond the journal's", async () => {
  const { journal, monthFile } = journalWithDays();
  // A hand-edited line that carries an OTP must not carry it into a spreadsheet.
  appendFileSync(
    monthFile,
    `${JSON.stringify({ at: "2026-03-05T05:00:00.000Z", counter: "Counter 9", tid: "104", environment: "uat", outcome: "refund:wrong-otp", otp: PLANTED_OTP })}\n`,
  );
  const { save, saved } = recordingSave(async (name) => `/chosen/${name}`);
  const result = await createHistoryService(journal, save).export({ from: "2026-03-05", to: "2026-03-05" });
  assert.deepEqual(result, {
    ok: true,
    value: { saved: true, location: "/chosen/refund-desk-2026-03-05.csv", rows: 3, skipped: 0 },
  });
  assert.equal(saved.length, 1);
  assert.equal(saved[0]?.name, "refund-desk-2026-03-05.csv");
  assert.equal(
    saved[0]?.text,
    [
      CSV_HEADER.join(","),
      "2026-03-05T00:30:00+05:30,Counter 9,uat,101,otp-sent,0,2133,bbbbbb,,,,,ok",
      // Hand-appended (it carried an OTP, dropped here): outside the chain, and marked so.
      "2026-03-05T10:30:00+05:30,Counter 9,uat,104,refund:wrong-otp,,,,,,,,unsealed",
      "2026-03-05T23:59:59+05:30,Counter 9,uat,102,refund:refunded,0,,cccccc,,,,,ok",
      "",
    ].join("\r\n"),
  );
  assert.ok(!saved[0]?.text.includes(PLANTED_OTP));
});

test("export names a range by both days; a closed save dialog is saved:false with the counts", async () => {
  const { journal } = journalWithDays();
  const { save, saved } = recordingSave(async () => null);
  const result = await createHistoryService(journal, save).export({ from: "2026-03-01", to: "2026-03-31" });
  assert.deepEqual(result, { ok: true, value: { saved: false, location: null, rows: 4, skipped: 0 } });
  assert.equal(saved[0]?.name, "refund-desk-2026-03-01-to-2026-03-31.csv");
});

test("a save that fails is save-failed with the error's code, never thrown", async () => {
  const { journal } = journalWithDays();
  const range = { from: "2026-03-05", to: "2026-03-05" };
  const denied = Object.assign(new Error("EACCES: permission denied, open '/chosen/refund-desk-2026-03-05.csv'"), {
    code: "EACCES",
  });
  const failing = createHistoryService(journal, async () => Promise.reject(denied));
  assert.deepEqual(await failing.export(range), {
    ok: false,
    error: { kind: "save-failed", details: { cause: "EACCES" } },
  });
  const full = createHistoryService(journal, () => {
    throw Object.assign(new Error("ENOSPC"), { code: "ENOSPC" });
  });
  assert.deepEqual(await full.export(range), {
    ok: false,
    error: { kind: "save-failed", details: { cause: "ENOSPC" } },
  });
  // A dialog library may reject with anything; it is still an answer, not a crash.
  for (const reason of [new Error("no code"), undefined, "gone"]) {
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- a non-Error reason is the case
    const odd = createHistoryService(journal, async () => Promise.reject(reason));
    assert.deepEqual(
      await odd.export(range),
      { ok: false, error: { kind: "save-failed", details: { cause: "unknown" } } },
      String(reason),
    );
  }
});

test("saveIntoFolder writes the CSV under the given name into its folder, creating it", async () => {
  const folder = join(tempDataDir("exports"), "exports");
  const path = await saveIntoFolder(folder, [])("refund-desk-2026-03-05.csv", pieces("time", "\r\n"));
  assert.equal(path, join(folder, "refund-desk-2026-03-05.csv"));
  assert.equal(readFileSync(path ?? "", "utf8"), "time\r\n");
});

test("no save goes into the data, user-data or install folders, by any path, link or letter case", async () => {
  const dataDir = tempDataDir("protected-data");
  const install = tempDataDir("protected-install");
  const outside = tempDataDir("exports-outside");
  const forbidden = [dataDir, install];
  assert.equal(savePathProblem(join(outside, "a.csv"), forbidden), null);
  assert.equal(savePathProblem(join(dataDir, "counter.json"), forbidden), "protected-folder");
  assert.equal(savePathProblem(join(dataDir, "journal", "..", "settings.json"), forbidden), "protected-folder");
  assert.equal(savePathProblem(join(install, "resources", "app.asar"), forbidden), "folder-missing");
  assert.equal(savePathProblem(join(install, "Refund Desk.exe"), forbidden), "protected-folder");
  assert.equal(savePathProblem(dataDir, forbidden), "protected-folder", "the folder itself");
  assert.equal(
    savePathProblem(join(dataDir.toUpperCase(), "counter.json"), forbidden, "win32") !== null,
    true,
    "case folded on Windows",
  );
  // A link to the data folder, and a file that is a link into it.
  const linkedFolder = join(outside, "looks-harmless");
  symlinkSync(dataDir, linkedFolder);
  assert.equal(savePathProblem(join(linkedFolder, "counter.json"), forbidden), "protected-folder");
  const linkedFile = join(outside, "export.csv");
  symlinkSync(join(dataDir, "counter.json"), linkedFile);
  assert.equal(savePathProblem(linkedFile, forbidden), "is-a-link");
  assert.equal(savePathProblem("relative.csv", forbidden), "not-absolute");

  // A fixed folder that is itself inside the data folder is refused too, and nothing is written.
  const { journal } = journalWithDays();
  const range = { from: "2026-03-05", to: "2026-03-05" };
  const inside = saveIntoFolder(join(dataDir, "exports"), forbidden);
  await assert.rejects(
    inside("refund-desk-2026-03-05.csv", pieces("x")),
    (e: { code?: string }) => e.code === "refused-protected-folder",
  );
  assert.equal(existsSync(join(dataDir, "exports", "refund-desk-2026-03-05.csv")), false);
  const service = createHistoryService(journal, inside);
  assert.deepEqual(await service.export(range), {
    ok: false,
    error: { kind: "save-failed", details: { cause: "refused-protected-folder" } },
  });
});
