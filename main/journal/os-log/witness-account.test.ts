/** Whose journal a witness line is: the account as the OS knows it, not as its environment or network name says. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { witnessAccount } from "./witness-account";

test("macOS and Linux: the uid, whatever the name; with a development data folder's tag", () => {
  const named = (user: string) => ({ uid: 501, user: () => user });
  assert.equal(witnessAccount("", named("asha")), "uid-501");
  assert.equal(witnessAccount("", named("someone-else")), "uid-501");
  assert.equal(witnessAccount(":0123456789abcdef", named("asha")), "uid-501:0123456789abcdef");
});

test("Windows: the logon name in lower case; a name that cannot be read is still one account", () => {
  assert.equal(witnessAccount("", { uid: undefined, user: () => "Asha" }), "asha");
  assert.equal(witnessAccount("", { uid: undefined, user: () => "ASHA" }), "asha");
  const unreadable = {
    uid: undefined,
    user: () => {
      throw new Error("no such user");
    },
  };
  assert.equal(witnessAccount("", unreadable), "unknown-user");
});

test("the account's environment and the computer's name cannot make its lines another account's", () => {
  const module = join(__dirname, "witness-account.ts");
  const script = `import(${JSON.stringify(module)}).then((m) => process.stdout.write(m.witnessAccount("")))`;
  const run = (env: Record<string, string>) =>
    execFileSync(process.execPath, ["--import", "tsx", "-e", script], {
      env: { PATH: process.env.PATH ?? "", ...env },
      encoding: "utf8",
    });
  const own = run({});
  assert.equal(own, witnessAccount(""));
  assert.equal(
    run({
      USER: "ravi",
      LOGNAME: "ravi",
      USERNAME: "ravi",
      HOME: "/tmp",
      HOSTNAME: "counter-9",
      COMPUTERNAME: "counter-9",
    }),
    own,
  );
});
