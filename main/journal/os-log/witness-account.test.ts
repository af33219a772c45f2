/** Whose journal a witness line is: the account and the computer, as the OS knows them, not as the environment says. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { witnessAccount } from "./witness-account";

test("user@computer, with a development data folder's tag", () => {
  const system = { user: () => "asha", host: () => "counter-3" };
  assert.equal(witnessAccount("", system), "asha@counter-3");
  assert.equal(witnessAccount(":0123456789abcdef", system), "asha@counter-3:0123456789abcdef");
});

test("an account with no name is still one account", () => {
  const account = witnessAccount("", {
    user: () => {
      throw new Error("ENOENT: no such user");
    },
    host: () => "counter-3",
  });
  assert.match(account, /^uid-(\d+|unknown)@counter-3$/);
});

test("the account's environment cannot make its lines another account's", () => {
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
