import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { isE2eBuild } from "./e2e-build";
import { checkLaunch, REFUSED_LAUNCH_EXIT } from "./launch-switches";
import { launchOverrides } from "./launch-overrides";

const EXE = "C:\\Program Files\\Refund Desk\\Refund Desk.exe";

test("packaged: REFUND_DESK_HOME, REFUND_DESK_POLICY and REFUND_DESK_OS_LOG_SOCKET are ignored and reported; in development they apply", () => {
  const env = {
    REFUND_DESK_HOME: "C:\\Users\\agent\\mine",
    REFUND_DESK_POLICY: "C:\\Users\\agent\\policy.json",
    REFUND_DESK_OS_LOG_SOCKET: "/home/agent/fake-syslog.sock",
  };
  const all = ["REFUND_DESK_HOME", "REFUND_DESK_POLICY", "REFUND_DESK_OS_LOG_SOCKET"];
  assert.deepEqual(launchOverrides(env, true), {
    packaged: true,
    dataDir: null,
    policyPath: null,
    osLogSocket: null,
    ignored: all,
    inUse: [],
  });
  assert.deepEqual(launchOverrides(env, false), {
    packaged: false,
    dataDir: env.REFUND_DESK_HOME,
    policyPath: env.REFUND_DESK_POLICY,
    osLogSocket: env.REFUND_DESK_OS_LOG_SOCKET,
    ignored: [],
    inUse: all,
  });
  assert.deepEqual(launchOverrides({ REFUND_DESK_HOME: "  " }, false), {
    packaged: false,
    dataDir: null,
    policyPath: null,
    osLogSocket: null,
    ignored: [],
    inUse: [],
  });
});

test("each Chromium or Electron switch that would expose or redirect the signed requests is refused, in any form and place", () => {
  const switches = [
    "--ignore-certificate-errors",
    "--proxy-server=http://10.0.0.5:8080",
    "--host-rules=MAP api.eko.in 10.0.0.5",
    "--host-resolver-rules=MAP * 10.0.0.5",
    "--log-net-log=C:\\Users\\agent\\net.json",
    "--remote-debugging-port=9222",
    "--remote-debugging-pipe",
    "--inspect",
    "--inspect-brk=9229",
    "--inspect-port=9229",
    "--js-flags=--allow-natives-syntax",
    "--enable-logging",
    "--user-data-dir=C:\\temp",
    "--disable-web-security",
    "--no-sandbox",
    "-remote-debugging-port=9222",
  ];
  for (const flag of switches) {
    for (const argv of [
      [EXE, flag],
      [EXE, "doctor", flag],
      [EXE, "otp", "13192443", flag],
    ]) {
      const verdict = checkLaunch(argv, {}, "win32");
      assert.equal(verdict.ok, false, argv.join(" "));
      if (!verdict.ok) assert.match(verdict.message, /not accepted by the installed app/);
    }
  }
  assert.equal(checkLaunch([EXE, "/remote-debugging-port=9222"], {}, "win32").ok, false, "Windows also reads /switch");
  assert.equal(checkLaunch([EXE, "--", "--proxy-server=x"], {}, "win32").ok, false);
  assert.equal(REFUSED_LAUNCH_EXIT, 2);
});

test("the CLI's own commands and options pass, and what macOS adds; a value may be a path", () => {
  const allowed = [
    [EXE],
    [EXE, "doctor", "--json"],
    [EXE, "provision", "--file", "D:\\policy.json", "--key-file", "D:\\key.txt", "--pin-stdin", "--json"],
    [EXE, "refund", "13192443", "--otp-ref", "abc-123", "--json"],
    [EXE, "journal", "export", "--from", "2026-01-01", "--to", "2026-01-31", "--out", "D:\\out.csv"],
    [EXE, "journal", "verify", "--from", "2026-01-01", "--to", "2026-01-31"],
    [EXE, "journal", "verify", "--against-os-log", "--os-log-file", "D:\\witness.log", "--json"],
    [EXE, "journal", "summary", "--date", "2026-01-31"],
    [EXE, "help"],
    [EXE, "--help"],
    [EXE, "-h"],
    [EXE, "--version"],
  ];
  for (const argv of allowed) assert.deepEqual(checkLaunch(argv, {}, "win32"), { ok: true }, argv.join(" "));
  assert.deepEqual(
    checkLaunch(["/Applications/Refund Desk.app/Contents/MacOS/Refund Desk", "-psn_0_1234567"], {}, "darwin"),
    { ok: true },
  );
  assert.equal(checkLaunch([EXE, "-psn_0_1234567"], {}, "win32").ok, false, "only macOS adds it");
  assert.equal(
    checkLaunch([EXE, "--file=D:\\policy.json"], {}, "win32").ok,
    false,
    "our options take their value apart",
  );
  assert.deepEqual(
    checkLaunch(["/opt/Refund Desk/refund-desk", "provision", "--file", "/etc/policy.json"], {}, "linux"),
    { ok: true },
  );
});

test("variables that make Electron, Node or Chromium log, debug or trust other certificates are refused", () => {
  for (const name of [
    "ELECTRON_ENABLE_LOGGING",
    "ELECTRON_LOG_FILE",
    "ELECTRON_RUN_AS_NODE",
    "ELECTRON_ENABLE_STACK_DUMPING",
    "NODE_OPTIONS",
    "NODE_EXTRA_CA_CERTS",
    "NODE_TLS_REJECT_UNAUTHORIZED",
    "SSLKEYLOGFILE",
    "CHROME_LOG_FILE",
    "electron_enable_logging",
  ]) {
    const verdict = checkLaunch([EXE], { [name]: "1" }, "win32");
    assert.equal(verdict.ok, false, name);
    if (!verdict.ok) assert.equal(verdict.refused, name);
  }
  assert.deepEqual(
    checkLaunch([EXE], { PATH: "C:\\Windows", NODE_ENV: "production", APPDATA: "C:\\Users\\a" }, "win32"),
    { ok: true },
  );
});

test("the e2e build lets Playwright's driver switches through, and nothing else; a release never does", () => {
  const driven = [EXE, "--inspect=0", "--remote-debugging-port=0"];
  assert.deepEqual(checkLaunch(driven, {}, "win32", true), { ok: true });
  assert.equal(checkLaunch(driven, {}, "win32", false).ok, false);
  assert.equal(checkLaunch(driven, {}, "win32").ok, false, "a release by default");
  for (const arg of ["--inspect=9229", "--remote-debugging-port=9222", "--proxy-server=x", "--inspect"]) {
    assert.equal(checkLaunch([EXE, arg], {}, "win32", true).ok, false, arg);
  }
});

test("the e2e mark is read from the packaged package.json; a missing or unreadable one is a release", () => {
  const files: Record<string, string> = {
    [join("/app-e2e", "package.json")]: JSON.stringify({ name: "refund-desk", refundDeskE2eBuild: true }),
    [join("/app-release", "package.json")]: JSON.stringify({ name: "refund-desk" }),
    [join("/app-string", "package.json")]: JSON.stringify({ refundDeskE2eBuild: "true" }),
    [join("/app-broken", "package.json")]: "{",
  };
  const read = (path: string) => {
    const text = files[path];
    if (text === undefined) throw new Error("ENOENT");
    return text;
  };
  assert.equal(isE2eBuild("/app-e2e", read), true);
  assert.equal(isE2eBuild("/app-release", read), false);
  assert.equal(isE2eBuild("/app-string", read), false);
  assert.equal(isE2eBuild("/app-broken", read), false);
  assert.equal(isE2eBuild("/app-missing", read), false);
});
