/** Administrator rights at their edges: the mandatory level's SID exactly, whoami's exit code, root by uid. */
import { test } from "node:test";
import assert from "node:assert/strict";
import type { RunTool } from "../policy/sources/run-tool";
import { isElevated, whoamiShowsElevation } from "./elevation";

const HIGH = "Mandatory Label\\High Mandatory Level   Label   S-1-16-12288\r\n";

test("the High and System mandatory levels are elevated; Medium and near-miss SIDs are not", () => {
  assert.equal(whoamiShowsElevation(HIGH), true);
  assert.equal(whoamiShowsElevation("Mandatory Label\\System Mandatory Level Label S-1-16-16384"), true);
  assert.equal(whoamiShowsElevation("Mandatory Label\\Medium Mandatory Level Label S-1-16-8192"), false);
  assert.equal(whoamiShowsElevation("S-1-16-122880"), false, "a longer number is another SID");
  assert.equal(whoamiShowsElevation("S-1-16-163840"), false);
  assert.equal(whoamiShowsElevation("XS-1-16-12288"), false, "part of a longer word");
  assert.equal(whoamiShowsElevation("S-1-16-1228"), false);
  assert.equal(whoamiShowsElevation(""), false);
});

test("on Windows whoami /groups decides, and only when it succeeded; elsewhere uid 0", async () => {
  const asked: string[][] = [];
  const whoami =
    (code: number, stdout: string): RunTool =>
    async (file, args) => {
      asked.push([file, ...args]);
      return { code, stdout, stderr: "" };
    };
  assert.equal(await isElevated({ platform: "win32", run: whoami(0, HIGH) }), true);
  assert.deepEqual(asked.at(-1)?.slice(1), ["/groups"]);
  assert.match(asked.at(-1)?.[0] ?? "", /whoami/i);
  assert.equal(await isElevated({ platform: "win32", run: whoami(1, HIGH) }), false, "a failed whoami is not proof");
  assert.equal(await isElevated({ platform: "win32", run: whoami(0, HIGH), getuid: () => 501 }), true);

  asked.length = 0;
  assert.equal(await isElevated({ platform: "linux", run: whoami(0, HIGH), getuid: () => 501 }), false);
  assert.equal(await isElevated({ platform: "linux", run: whoami(0, HIGH), getuid: () => 0 }), true);
  assert.equal(await isElevated({ platform: "darwin", run: whoami(0, HIGH) }), false, "no uid known: not root");
  assert.deepEqual(asked, [], "whoami is Windows only");
});
