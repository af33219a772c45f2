/**
 * Administrator rights at their edges: whoami's tables read by column (the user's SID, each
 * group's SID and attributes), never a mandatory label alone; whoami by its absolute path with the
 * OS's environment, its exit code; root by uid elsewhere. The real captures are in
 * main/policy/sources/fixtures (os-outputs.test.ts pins each).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import type { RunTool, ToolCall } from "../policy/sources/run-tool";
import { windowsTools } from "../policy/sources/system-tools";
import { isElevated, whoamiShowsElevation } from "./elevation";

const RULE =
  "====================================== ================ ============ ==================================================";
const HEADER = "Group Name                             Type             SID          Attributes";
const group = (name: string, type: string, sid: string, attributes: string) =>
  `${name.padEnd(38)} ${type.padEnd(16)} ${sid.padEnd(12)} ${attributes}`;
const groups = (...rows: string[]) =>
  ["", "GROUP INFORMATION", "-----------------", "", HEADER, RULE, ...rows, ""].join("\r\n");
const ADMINS = (attributes: string) => group("BUILTIN\\Administrators", "Alias", "S-1-5-32-544", attributes);
const HIGH = group("Mandatory Label\\High Mandatory Level", "Label", "S-1-16-12288", "");
const USER = (sid: string) =>
  [
    "",
    "USER INFORMATION",
    "----------------",
    "",
    "User Name           SID",
    "=================== ========",
    `nt authority\\system ${sid}`,
    "",
  ].join("\r\n");

test("an enabled Administrators group is elevated; deny-only, absent, or a High label alone is not", () => {
  assert.equal(
    whoamiShowsElevation(groups(ADMINS("Mandatory group, Enabled by default, Enabled group, Group owner"))),
    true,
  );
  assert.equal(whoamiShowsElevation(groups(ADMINS("Enabled by default, Enabled group, Group owner"))), true);
  assert.equal(whoamiShowsElevation(groups(ADMINS("Group used for deny only"), HIGH)), false);
  assert.equal(whoamiShowsElevation(groups(HIGH)), false, "a service account's High label");
  assert.equal(
    whoamiShowsElevation(groups(group("Mandatory Label\\System Mandatory Level", "Label", "S-1-16-16384", ""))),
    false,
    "the System label alone",
  );
  assert.equal(
    whoamiShowsElevation(groups(ADMINS("Mandatory group, Enabled by default"))),
    false,
    "enabled by default is not enabled",
  );
  assert.equal(whoamiShowsElevation(groups(ADMINS("Mandatory group, Enabled groups"))), false, "the whole word");
});

test("the SID and the attributes are read from their own columns, never from a name or another row", () => {
  const named = group("CONTOSO\\S-1-5-32-544 Enabled group", "Group", "S-1-5-21-1-2", "Mandatory group, Enabled group");
  assert.equal(whoamiShowsElevation(groups(named, ADMINS("Group used for deny only"))), false);
  assert.equal(
    whoamiShowsElevation(groups(group("BUILTIN\\Administrators", "Alias", "S-1-5-32-5440", "Enabled group"))),
    false,
    "a longer SID is another group",
  );
  assert.equal(
    whoamiShowsElevation(
      groups(group("Enabled group", "Alias", "S-1-5-32-545", "Enabled group"), ADMINS("Group used for deny only")),
    ),
    false,
  );
  assert.equal(whoamiShowsElevation(ADMINS("Enabled group")), false, "a row with no table rule above it");
  assert.equal(whoamiShowsElevation(`${groups(HIGH)}\r\n${ADMINS("Enabled group")}`), false, "after the table ended");
  assert.equal(whoamiShowsElevation(""), false);
});

test("SYSTEM is elevated by its own SID in the user table, whatever its groups", () => {
  assert.equal(whoamiShowsElevation(`${USER("S-1-5-18")}${groups(HIGH)}`), true);
  assert.equal(whoamiShowsElevation(`${USER("S-1-5-19")}${groups(HIGH)}`), false, "LOCAL SERVICE");
  assert.equal(whoamiShowsElevation(`${USER("S-1-5-180")}${groups(HIGH)}`), false);
  assert.equal(
    whoamiShowsElevation(groups(group("NT AUTHORITY\\SYSTEM", "Well-known group", "S-1-5-18", ""))),
    false,
    "a group row is not the user",
  );
});

test("on Windows whoami /user /groups decides, run from the system folder in the OS's environment, and only when it succeeded", async () => {
  const asked: ToolCall[] = [];
  const whoami =
    (code: number, stdout: string): RunTool =>
    async (call) => {
      asked.push(call);
      return { code, stdout, stderr: "" };
    };
  const elevated = groups(ADMINS("Mandatory group, Enabled by default, Enabled group"));
  assert.equal(await isElevated({ platform: "win32", run: whoami(0, elevated), windowsRoot: "C:\\Windows" }), true);
  const tools = windowsTools("C:\\Windows");
  assert.deepEqual(asked, [
    {
      file: "C:\\Windows\\System32\\whoami.exe",
      args: ["/user", "/groups"],
      cwd: "C:\\Windows\\System32",
      env: tools.env,
    },
  ]);
  assert.equal(
    await isElevated({ platform: "win32", run: whoami(1, elevated), windowsRoot: "C:\\Windows" }),
    false,
    "a failed whoami is not proof",
  );
  assert.equal(await isElevated({ platform: "win32", run: whoami(0, elevated), windowsRoot: "D:\\WINNT" }), true);
  assert.equal(asked.at(-1)?.file, "D:\\WINNT\\System32\\whoami.exe");
  asked.length = 0;
  assert.equal(
    await isElevated({ platform: "win32", run: whoami(0, elevated), windowsRoot: null }),
    false,
    "no Windows folder, no proof",
  );
  assert.deepEqual(asked, []);
  assert.equal(
    await isElevated({ platform: "win32", run: whoami(0, elevated), getuid: () => 0, windowsRoot: "C:\\Windows" }),
    true,
  );

  asked.length = 0;
  assert.equal(await isElevated({ platform: "linux", run: whoami(0, elevated), getuid: () => 501 }), false);
  assert.equal(await isElevated({ platform: "linux", run: whoami(0, elevated), getuid: () => 0 }), true);
  assert.equal(await isElevated({ platform: "darwin", run: whoami(0, elevated) }), false, "no uid known: not root");
  assert.deepEqual(asked, [], "whoami is Windows only");
});
