/**
 * What the docs and `refund-desk --help` say of the command line is what it takes: every
 * `refund-desk <command> [--option]` they show is a command of main/cli/cli-options.ts with its own
 * options, passes the installed app's launch check, and every `config set` name is one the CLI
 * knows; the other way round, the help and docs/cli.md show every option of every command.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runCli } from "../main/cli/cli";
import { COMMAND_OPTIONS, GLOBAL_OPTIONS } from "../main/cli/cli-options";
import { CONFIG_NAMES } from "../main/cli/config-set";
import { checkLaunch } from "../main/launch/launch-switches";
import { cliIo } from "../main/test-support/cli-io";
import { memoryKeyStore } from "../main/test-support/memory-key-store";
import { tempDataDir } from "../main/test-support/temp-dir";

const ROOT = join(__dirname, "..");
type Command = keyof typeof COMMAND_OPTIONS;
const COMMANDS = Object.keys(COMMAND_OPTIONS) as Command[];
const WITH_ACTIONS = new Set(COMMANDS.filter((c) => c.includes(" ")).map((c) => c.split(" ")[0]));

interface Invocation {
  where: string;
  /** "journal verify", "otp", …; or null for `refund-desk --help` and the like. */
  command: string | null;
  options: string[];
  words: string[];
}

/** A command line as a doc or the help shows it: the words after "refund-desk", up to a comment or a code span's end. */
function invocation(where: string, text: string): Invocation | null {
  const words = text.split(/\s+/).filter(Boolean);
  const first = words[0] ?? "";
  const options = words.flatMap((w) => w.match(/--[a-z][a-z0-9-]*|^-h$/g) ?? []);
  if (first.startsWith("-")) return { where, command: null, options, words };
  // Prose ("the refund-desk commands' own options") and placeholders ("<command>") are not command lines.
  if (!/^[a-z][a-z-]*$/.test(first)) return null;
  const action = WITH_ACTIONS.has(first) ? words[1] : undefined;
  return { where, command: action ? `${first} ${action}` : first, options, words };
}

function documentedInvocations(): Invocation[] {
  const docs = execFileSync("git", ["ls-files", "*.md", ":!main/eko/conformance"], { cwd: ROOT, encoding: "utf8" })
    .split("\n")
    .filter(Boolean);
  const found: Invocation[] = [];
  for (const doc of docs) {
    readFileSync(join(ROOT, doc), "utf8")
      .split("\n")
      .forEach((line, i) => {
        for (const match of line.matchAll(/refund-desk\s+([^`#\n]*)/g)) {
          const seen = invocation(`${doc}:${i + 1}`, match[1] as string);
          if (seen) found.push(seen);
        }
      });
  }
  return found;
}

async function helpText(): Promise<string> {
  const io = cliIo();
  await runCli(["refund-desk", "--help"], io, {
    fetch,
    keyStore: memoryKeyStore(),
    dataDir: tempDataDir("documented-cli"),
  });
  return io.out();
}

/** The synopsis lines of the help: two spaces, then the command and its options. */
function helpInvocations(help: string): Invocation[] {
  return help
    .split("\n")
    .map((line, i) => (/^ {2}[a-z]/.test(line) ? invocation(`--help line ${i + 1}`, line) : null))
    .filter((seen): seen is Invocation => seen !== null);
}

function problems(seen: Invocation): string[] {
  const said = `${seen.where}: refund-desk ${seen.words.join(" ")}`;
  if (seen.command === null)
    return seen.options.filter((o) => !["--help", "-h", "--version"].includes(o)).map((o) => `${said}: ${o}`);
  if (!(seen.command in COMMAND_OPTIONS)) return [`${said}: no command "${seen.command}"`];
  const own = COMMAND_OPTIONS[seen.command as Command];
  const takes = new Set([...GLOBAL_OPTIONS, ...own.flags, ...own.values].map((o) => `--${o}`));
  const wrong = seen.options.filter((o) => !takes.has(o)).map((o) => `${said}: ${seen.command} takes no ${o}`);
  const launch = checkLaunch(["Refund Desk.exe", ...seen.words.filter((w) => /^-/.test(w))], {}, "win32");
  return launch.ok ? wrong : [...wrong, `${said}: the installed app refuses ${launch.refused}`];
}

test("every command line the docs and the help show is a command with options it takes, and the installed app lets it through", async () => {
  const shown = [...documentedInvocations(), ...helpInvocations(await helpText())];
  assert.ok(shown.length > 40, `only ${shown.length} command lines found`);
  assert.deepEqual(shown.flatMap(problems), []);
  const bogus = [
    invocation("a doc", "journal verify --against-the-os-log"),
    invocation("a doc", "refunds 13192443"),
    invocation("a doc", "otp 13192443 --otp-ref x"),
  ] as Invocation[];
  for (const seen of bogus) assert.notDeepEqual(problems(seen), [], seen.words.join(" "));
});

test("the help and docs/cli.md show every option of every command", async () => {
  const help = helpInvocations(await helpText());
  const cliDoc = documentedInvocations().filter((seen) => seen.where.startsWith(join("docs", "cli.md")));
  for (const [name, shown] of [
    ["--help", help],
    ["docs/cli.md", cliDoc],
  ] as const) {
    const missing = COMMANDS.flatMap((command) => {
      const options = new Set(shown.filter((s) => s.command === command).flatMap((s) => s.options));
      const own = COMMAND_OPTIONS[command];
      return [...own.flags, ...own.values].filter((o) => !options.has(`--${o}`)).map((o) => `${command} --${o}`);
    });
    assert.deepEqual(missing, [], `${name} leaves out options`);
    assert.deepEqual(
      COMMANDS.filter((command) => !shown.some((s) => s.command === command)),
      [],
      `${name} leaves out commands`,
    );
  }
});

test("every setting name `config set` is shown with, and the ones docs/cli.md lists, are the CLI's", () => {
  const known = new Set(Object.keys(CONFIG_NAMES));
  const used = documentedInvocations()
    .filter((seen) => seen.command === "config set")
    .flatMap((seen) => {
      const names: string[] = [];
      const pairs = seen.words.slice(2).filter((w) => !w.startsWith("["));
      for (let i = 0; i < pairs.length; i += 1) {
        const word = pairs[i] as string;
        names.push(word.split("=")[0] as string);
        // "name value" takes two words, "name=value" one.
        if (!word.includes("=")) i += 1;
      }
      return names.map((n) => ({ where: seen.where, name: n }));
    });
  assert.ok(used.length >= 4, JSON.stringify(used));
  assert.deepEqual(
    used.filter((u) => !known.has(u.name)),
    [],
  );
  const cliDoc = readFileSync(join(ROOT, "docs", "cli.md"), "utf8");
  // "(names: `environment`, …; `pkcs11-module` and … are refused, …)": those come from the machine policy alone.
  const listed = /\(names: ([^;)]*)/.exec(cliDoc)?.[1] ?? "";
  const names = [...listed.matchAll(/`([a-z0-9-]+)`/g)].map((m) => m[1]);
  const settable = [...known].filter((name) => name !== "pkcs11-module" && name !== "journal-retention-months");
  assert.deepEqual(names.sort(), settable.sort(), "docs/cli.md's list of config set names");
});
