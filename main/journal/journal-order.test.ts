/**
 * The journal's promise, checked in order: the refund's line is written and flushed to disk
 * (fsync on the journal file) before the refund's answer reaches the caller. The fs calls are
 * recorded by replacing node:fs's writeSync and fsyncSync with recorders that pass through.
 */
import { afterEach, test, mock } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { TEST_SECRETS } from "../test-support/test-secrets";
import { practiceDesk } from "../test-support/practice-desk";

type Event =
  | { op: "write"; fd: number; text: string; path: string }
  | { op: "fsync"; fd: number; path: string }
  | { op: "answer" };

afterEach(() => mock.restoreAll());

/** What an fd points at, on Linux; the journal's files live under …/journal/. */
const pathOf = (fd: number): string => {
  try {
    return fs.readlinkSync(`/proc/self/fd/${fd}`);
  } catch {
    return "";
  }
};

function recordFs(events: Event[]): void {
  const writeSync = fs.writeSync.bind(fs) as (...args: unknown[]) => number;
  const fsyncSync = fs.fsyncSync.bind(fs);
  mock.method(fs, "writeSync", (fd: number, data: unknown, ...rest: unknown[]) => {
    const text = Buffer.isBuffer(data) ? data.toString("utf8") : String(data);
    events.push({ op: "write", fd, text, path: pathOf(fd) });
    return writeSync(fd, data, ...rest);
  });
  mock.method(fs, "fsyncSync", (fd: number) => {
    events.push({ op: "fsync", fd, path: pathOf(fd) });
    fsyncSync(fd);
  });
}

test(
  "the refund's journal line is written and fsynced before the refund answers",
  { skip: process.platform !== "linux" ? "reads /proc/self/fd" : false },
  async () => {
    // Recording from before the desk exists: the journal may keep fs's functions from its start.
    const recorded: Event[] = [];
    recordFs(recorded);
    const { desk, simulator } = await practiceDesk({ otp: TEST_SECRETS.otps.practice });
    try {
      const sent = await desk.services.requestRefundOtp({ tid: "13192443" });
      assert.ok(sent.ok, JSON.stringify(sent));
      // Only what happens from the refund on.
      recorded.length = 0;
      const events = recorded;
      const answer = await desk.refundFlow.refund({
        tid: "13192443",
        otp: TEST_SECRETS.otps.practice,
        otpRefId: sent.value.otpRefId,
      });
      events.push({ op: "answer" });
      mock.restoreAll();
      assert.ok(answer.ok, JSON.stringify(answer));

      const written = events.findIndex(
        (e) => e.op === "write" && e.path.includes("/journal/") && e.text.includes('"outcome":"refund:refunded"'),
      );
      assert.ok(written >= 0, "no refund line was written to the journal");
      const line = events[written] as Extract<Event, { op: "write" }>;
      const synced = events.findIndex((e, i) => i > written && e.op === "fsync" && e.fd === line.fd);
      const answered = events.findIndex((e) => e.op === "answer");
      assert.ok(synced > written, "the journal file was not fsynced after its refund line");
      assert.ok(synced < answered, "the refund answered before its journal line was on disk");
    } finally {
      await desk.close();
      await simulator.close();
    }
  },
);
