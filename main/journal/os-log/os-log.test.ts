/**
 * The journal's witness through a real syslog socket this test opens, written by the OS's own
 * logger as the app runs it: every line of a counter's journal arrives there, `journal verify
 * --against-os-log` passes on the untouched journal and fails on one rewritten whole and sealed
 * again, or cut short. A log that cannot be written never fails a refund and is reported.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { ChildProcess } from "node:child_process";
import { EventEmitter } from "node:events";
import { PassThrough } from "node:stream";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { join } from "node:path";
import { runCli } from "../../cli/cli";
import { EXIT } from "../../cli/exit-codes";
import { cliIo } from "../../test-support/cli-io";
import { testDesk } from "../../test-support/desk";
import { memoryKeyStore } from "../../test-support/memory-key-store";
import { tempDataDir } from "../../test-support/temp-dir";
import { TEST_SECRETS } from "../../test-support/test-secrets";
import { JOURNAL_FOLDER } from "../journal";
import { journalLines, lineDigest, sealLine } from "../journal-chain";
import { createOsLog } from "./os-log";
import { osLogWriter } from "./platform-os-log";

const ACCOUNT = "asha@counter-3";
const skip = existsSync("/usr/bin/logger") ? false : "no /usr/bin/logger here";
let server: Server;
let received = "";
let socket = "";

before(async () => {
  if (skip) return;
  socket = join(tempDataDir("os-log"), "syslog.sock");
  server = createServer((connection) => connection.on("data", (chunk: Buffer) => (received += chunk.toString("utf8"))));
  await new Promise<void>((resolve) => server.listen(socket, resolve));
});
after(() => server?.close());

async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !done(); i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
  assert.ok(done(), "timed out");
}

async function verify(
  dataDir: string,
  osLogFile: string,
  witnessAccount?: string,
): Promise<{ code: number; out: string; err: string }> {
  const io = cliIo();
  const code = await runCli(["refund-desk", "journal", "verify", "--against-os-log", "--os-log-file", osLogFile], io, {
    fetch,
    keyStore: memoryKeyStore(),
    dataDir,
    ...(witnessAccount ? { witnessAccount } : {}),
  });
  return { code, out: io.out(), err: io.err() };
}

/** Every line of every month file, sealed again from the start: a chain that verifies on its own. */
function rewriteWhole(dataDir: string, change: (line: Record<string, unknown>) => void): void {
  const folder = join(dataDir, JOURNAL_FOLDER);
  let previous = "";
  for (const file of readdirSync(folder).sort()) {
    const lines = journalLines(readFileSync(join(folder, file), "utf8")).map((raw) => {
      const { h: _h, ...value } = JSON.parse(raw) as Record<string, unknown>;
      if (value.journal === "month") value.previous = previous;
      else change(value);
      const sealed = sealLine(previous, JSON.stringify(value));
      previous = lineDigest(sealed);
      return sealed;
    });
    writeFileSync(join(folder, file), `${lines.join("\n")}\n`);
  }
}

test(
  "every journal line reaches the OS log; verify passes untouched and fails rewritten or cut",
  { skip },
  async () => {
    const call = osLogWriter("linux", { socket });
    assert.ok(call);
    const { desk, dataDir } = testDesk();
    const osLog = createOsLog(call, ACCOUNT);
    const witnessed = testDesk({ dataDir, osLog });
    try {
      for (const tid of ["13192443", "13192445", "13192444"]) await witnessed.desk.services.requestRefundOtp({ tid });
      await witnessed.desk.refundFlow.inquire({ tid: "13192443" });
      await until(() => received.split("REFUND-DESK-JOURNAL").length - 1 === 4);
    } finally {
      await witnessed.desk.close();
      await desk.close();
    }
    assert.equal(osLog.problem(), null);
    for (const secret of [TEST_SECRETS.otps.practice, ...Object.values(TEST_SECRETS.accessKeys)])
      assert.ok(!received.includes(secret), "no secret in the OS log");
    const captured = join(tempDataDir("os-log-capture"), "syslog.txt");
    writeFileSync(captured, received);

    const untouched = await verify(dataDir, captured);
    assert.equal(untouched.code, EXIT.ok, untouched.err);
    assert.match(untouched.out, /OS log: 4 line\(s\) witnessed, every one still in the journal/);

    rewriteWhole(dataDir, (line) => {
      if (line.tid === "13192445") line.tid = "13192446";
    });
    const rewritten = await verify(dataDir, captured);
    assert.equal(rewritten.code, EXIT.failed);
    assert.match(rewritten.out, /journal chain intact/, "the chain alone cannot tell");
    assert.match(rewritten.err, /line\(s\) the OS log saw are no longer in the journal/);
  },
);

test("a tail cut off the journal no longer reaches the OS log's last head", { skip }, async () => {
  received = "";
  const call = osLogWriter("linux", { socket });
  assert.ok(call);
  const osLog = createOsLog(call, ACCOUNT);
  const { desk, dataDir } = testDesk({ osLog });
  try {
    for (const tid of ["13192443", "13192445"]) await desk.services.requestRefundOtp({ tid });
    await until(() => received.split("REFUND-DESK-JOURNAL").length - 1 === 2);
  } finally {
    await desk.close();
  }
  const captured = join(tempDataDir("os-log-capture"), "syslog.txt");
  writeFileSync(captured, received);
  const [file] = readdirSync(join(dataDir, JOURNAL_FOLDER));
  const path = join(dataDir, JOURNAL_FOLDER, file as string);
  writeFileSync(path, `${journalLines(readFileSync(path, "utf8")).slice(0, -1).join("\n")}\n`);
  const cut = await verify(dataDir, captured);
  assert.equal(cut.code, EXIT.failed);
  assert.match(cut.err, /no longer reaches the last head the OS log saw/);
});

test("two accounts on one PC share its OS log: each journal is held to its own lines only", { skip }, async () => {
  received = "";
  const call = osLogWriter("linux", { socket });
  assert.ok(call);
  const asha = testDesk({ osLog: createOsLog(call, "asha@counter-3") });
  const ravi = testDesk({ osLog: createOsLog(call, "ravi@counter-3") });
  try {
    await asha.desk.services.requestRefundOtp({ tid: "13192443" });
    await ravi.desk.services.requestRefundOtp({ tid: "13192445" });
    await asha.desk.services.requestRefundOtp({ tid: "13192444" });
    await until(() => received.split("REFUND-DESK-JOURNAL").length - 1 === 3);
  } finally {
    await asha.desk.close();
    await ravi.desk.close();
  }
  const captured = join(tempDataDir("os-log-capture"), "syslog.txt");
  writeFileSync(captured, received);

  const own = await verify(asha.dataDir, captured, "asha@counter-3");
  assert.equal(own.code, EXIT.ok, own.err);
  assert.match(own.out, /1 line\(s\) of other journals \(another account or PC\), not held against this one/);
  assert.match(own.out, /OS log: 2 line\(s\) witnessed, every one still in the journal/);
  assert.equal((await verify(ravi.dataDir, captured, "ravi@counter-3")).code, EXIT.ok);
  const unfiltered = await verify(asha.dataDir, captured);
  assert.equal(unfiltered.code, EXIT.failed, "without knowing whose journal it is, Ravi's line looks removed");
  // Named on the command line, a wrong account cannot pass: its lines, or none, are held against the journal.
  for (const [account, why] of [
    ["ravi@counter-3", /1 line\(s\) the OS log saw are no longer in the journal/],
    [
      "nobody@counter-3",
      /the OS log has no line of this journal's \(nobody@counter-3\): nothing vouches for its lines/,
    ],
  ] as const) {
    const io = cliIo();
    const code = await runCli(
      ["refund-desk", "journal", "verify", "--against-os-log", "--os-log-file", captured, "--os-log-account", account],
      io,
      { fetch, keyStore: memoryKeyStore(), dataDir: asha.dataDir, witnessAccount: "asha@counter-3" },
    );
    assert.equal(code, EXIT.failed, account);
    assert.match(io.err(), why);
  }

  rewriteWhole(asha.dataDir, (line) => {
    if (line.tid === "13192444") line.tid = "13192446";
  });
  const rewritten = await verify(asha.dataDir, captured, "asha@counter-3");
  assert.equal(rewritten.code, EXIT.failed, "another account's lines beside it excuse nothing");
  assert.match(rewritten.err, /1 line\(s\) the OS log saw are no longer in the journal/);
});

test("a log that cannot be written fails no request: the journal goes on, and doctor says why", { skip }, async () => {
  const call = osLogWriter("linux", { socket: join(tempDataDir("os-log-none"), "no-such.sock") });
  assert.ok(call);
  const osLog = createOsLog(call, ACCOUNT);
  const { desk, dataDir } = testDesk({ osLog });
  try {
    const sent = await desk.services.requestRefundOtp({ tid: "13192443" });
    assert.ok(sent.ok);
    await until(() => osLog.problem() !== null);
    const doctor = await desk.services.checkConnection({});
    assert.ok(doctor.ok);
    const check = doctor.value.checks.find((c) => c.id === "os-log");
    assert.equal(check?.status, "warn");
    assert.match(check?.detail ?? "", /logger stopped/);
    assert.ok((await desk.services.requestRefundOtp({ tid: "13192457" })).ok);
  } finally {
    await desk.close();
  }
  const [file] = readdirSync(join(dataDir, JOURNAL_FOLDER));
  // The month's first line, then the two requests'.
  assert.equal(journalLines(readFileSync(join(dataDir, JOURNAL_FOLDER, file as string), "utf8")).length, 3);
});

/** A stand-in for the logger process: its standard input, and a way to make it die. */
function fakeTool() {
  const child = Object.assign(new EventEmitter(), {
    stdin: new PassThrough(),
    stderr: new PassThrough(),
    unref: () => undefined,
    ref: () => undefined,
  });
  let written = "";
  child.stdin.on("data", (chunk: Buffer) => (written += chunk.toString("utf8")));
  return { child, written: () => written, die: () => child.emit("exit", 1) };
}

test("a writer that died is reported and started again for a later line, at most once a minute", async () => {
  const tools: ReturnType<typeof fakeTool>[] = [];
  let t = 0;
  const osLog = createOsLog(
    { file: "/usr/bin/logger", args: [], cwd: "/", env: {} },
    ACCOUNT,
    () => {
      const tool = fakeTool();
      tools.push(tool);
      return tool.child as unknown as ChildProcess;
    },
    () => t,
  );
  const line = {
    at: "2026-12-07T05:00:00.000Z",
    kind: "otp",
    outcome: "otp:sent",
    tid: "1",
    amount: null,
    counter: null,
  };
  osLog.witness({ ...line, head: "a".repeat(64) });
  assert.equal(tools.length, 1);
  assert.match(tools[0]?.written() ?? "", /^REFUND-DESK-JOURNAL \{.*"head":"a{64}","account":"asha@counter-3"\}\n$/);
  tools[0]?.die();
  assert.match(osLog.problem() ?? "", /\/usr\/bin\/logger stopped \(exit 1\)/);
  t = 30_000;
  osLog.witness({ ...line, head: "b".repeat(64) });
  assert.equal(tools.length, 1, "not within the minute");
  t = 60_000;
  osLog.witness({ ...line, head: "c".repeat(64) });
  assert.equal(tools.length, 2);
  assert.match(tools[1]?.written() ?? "", /"head":"c{64}"/);
  const closed = osLog.close();
  tools[1]?.child.emit("exit", 0);
  await closed;
});

test("closing waits for the writer to take its last lines and exit, 10 s at most", async (t) => {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  const tools: ReturnType<typeof fakeTool>[] = [];
  const osLog = () =>
    createOsLog({ file: "/usr/bin/logger", args: [], cwd: "/", env: {} }, ACCOUNT, () => {
      const tool = fakeTool();
      tools.push(tool);
      return tool.child as unknown as ChildProcess;
    });
  const line = {
    at: "2026-12-07T05:00:00.000Z",
    kind: "otp",
    outcome: "otp:sent",
    tid: "1",
    amount: null,
    counter: null,
  };
  const settled = (promise: Promise<void>) => {
    let done = false;
    void promise.then(() => (done = true));
    return async () => {
      await new Promise(setImmediate);
      return done;
    };
  };

  const exiting = osLog();
  exiting.witness({ ...line, head: "a".repeat(64) });
  const first = settled(exiting.close());
  t.mock.timers.tick(9_999);
  assert.equal(await first(), false, "still writing");
  assert.equal(tools[0]?.child.stdin.writableEnded, true, "its input was ended");
  tools[0]?.child.emit("exit", 0);
  assert.equal(await first(), true);

  const stuck = osLog();
  stuck.witness({ ...line, head: "b".repeat(64) });
  const second = settled(stuck.close());
  t.mock.timers.tick(9_999);
  assert.equal(await second(), false);
  t.mock.timers.tick(1);
  assert.equal(await second(), true, "a writer that never exits does not hold the run past 10 s");
  // Nothing written, nothing to wait for.
  assert.equal(await settled(osLog().close())(), true);
});
