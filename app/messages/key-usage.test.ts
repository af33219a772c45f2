/**
 * Every text in the catalogues is used somewhere, and none is missing in a language. Unused text
 * is found by reading the code (renderer/, main/ and app/, tests left out) with TypeScript's
 * parser, so comments never count. A key is used when the code names it:
 * - as a string: t("result.title"); a template names a family: t(`env.badge.${environment}`);
 * - as a property path on the catalogue (how describe-error.ts, shared with main's CLI, reads it):
 *   catalogue(lang).duration, or m.errors.busy.title where `m` was declared `= catalogue(…)` or
 *   typed `Messages`. A path that ends in a computed part, m.errors[error.kind], uses the whole
 *   family: those families are typed `satisfies Record<Union, …>` in en.ts, so `tsc` refuses a
 *   member that no value of the union names.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { cliEn } from "./cli-en";
import { cliHi } from "./cli-hi";
import { en } from "./en";
import { hi } from "./hi";

const ROOT = join(__dirname, "..", "..");
const SCANNED = ["renderer", "main", "app", "scripts"];
/** The catalogues themselves: naming a key there is defining it, not using it. */
const CATALOGUES = new Set([
  "app/messages/en.ts",
  "app/messages/hi.ts",
  "app/messages/cli-en.ts",
  "app/messages/cli-hi.ts",
]);

/** The command line's words (cli-words.ts) are checked as the catalogue's `cli` family. */
const ENGLISH = { ...en, cli: cliEn };
const HINDI = { ...hi, cli: cliHi };

/** "a.b.c" for every string in a catalogue. */
function leafKeys(value: unknown, prefix = ""): string[] {
  if (typeof value === "string") return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
    leafKeys(v, prefix ? `${prefix}.${k}` : k),
  );
}

interface KeyUse {
  /** Exact keys named as strings. */
  exact: Set<string>;
  /** Templates and computed paths, as patterns over whole keys. */
  patterns: RegExp[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** One path segment that is not a literal: any single key segment. */
const ANY = "[^.]+";

/** Collects every way `code` names a catalogue key; `topLevel` are the catalogue's first segments. */
function keyUses(code: string, fileName: string, topLevel: ReadonlySet<string>, into: KeyUse): void {
  const source = ts.createSourceFile(
    fileName,
    code,
    ts.ScriptTarget.Latest,
    true,
    fileName.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const catalogueNames = catalogueVariables(source);
  const startsAtTopLevel = (text: string) => topLevel.has(text.split(".")[0] ?? "") && text.includes(".");

  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      if (startsAtTopLevel(node.text)) into.exact.add(node.text);
    } else if (ts.isTemplateExpression(node)) {
      if (startsAtTopLevel(node.head.text)) {
        const pattern =
          escape(node.head.text) + node.templateSpans.map((span) => ANY + escape(span.literal.text)).join("");
        into.patterns.push(new RegExp(`^${pattern}$`));
      }
    } else {
      const root = catalogueRoot(node, catalogueNames);
      const path = root === null ? [] : [...root, ...accessPath(node)];
      if (path.length > 0 && topLevel.has(path[0] ?? "")) {
        // A path that stops at an object (or goes on with a computed part) uses all below it.
        const pattern = path.map((segment) => (segment === null ? ANY : escape(segment))).join("\\.");
        into.patterns.push(new RegExp(`^${pattern}(\\..+)?$`));
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

/** Where a catalogue's keys start: the window's at the top, the command line's under `cli`. */
type Prefix = readonly string[];
const ROOTS: Readonly<Record<string, Prefix>> = {
  catalogue: [],
  Messages: [],
  cliWords: ["cli"],
  CliMessages: ["cli"],
};

/** The prefix of a call to `catalogue(…)` or `cliWords(…)`, or null. */
function callPrefix(node: ts.Node): Prefix | null {
  if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression)) return null;
  const name = node.expression.text;
  return name === "catalogue" || name === "cliWords" ? (ROOTS[name] ?? null) : null;
}

/** The prefix of a type naming `Messages` or `CliMessages` (alone or in a union), or null. */
function typePrefix(type: ts.TypeNode | undefined): Prefix | null {
  if (!type) return null;
  if (ts.isUnionTypeNode(type)) return type.types.map(typePrefix).find((p) => p !== null) ?? null;
  if (!ts.isTypeReferenceNode(type) || !ts.isIdentifier(type.typeName)) return null;
  const name = type.typeName.text;
  return name === "Messages" || name === "CliMessages" ? (ROOTS[name] ?? null) : null;
}

/** Names in this file that hold a whole catalogue: `const m = catalogue(lang)`, `m: Messages`, `cli: CliMessages`. */
function catalogueVariables(source: ts.SourceFile): Map<string, Prefix> {
  const names = new Map<string, Prefix>();
  const visit = (node: ts.Node): void => {
    if ((ts.isVariableDeclaration(node) || ts.isParameter(node)) && ts.isIdentifier(node.name)) {
      const prefix = typePrefix(node.type) ?? (node.initializer ? callPrefix(node.initializer) : null);
      if (prefix) names.set(node.name.text, prefix);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return names;
}

/** The key prefix of a read of a catalogue variable or a call that returns one, or null. */
function catalogueRoot(node: ts.Node, catalogueNames: ReadonlyMap<string, Prefix>): Prefix | null {
  if (ts.isIdentifier(node)) {
    const parent = node.parent;
    const prefix = catalogueNames.get(node.text);
    return prefix &&
      (ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) &&
      parent.expression === node
      ? prefix
      : null;
  }
  return callPrefix(node);
}

/** The segments read from `root`: a name, a string index, or null for a computed index. */
function accessPath(root: ts.Node): (string | null)[] {
  const path: (string | null)[] = [];
  let node = root;
  for (;;) {
    const parent = node.parent;
    if (ts.isPropertyAccessExpression(parent) && parent.expression === node) path.push(parent.name.text);
    else if (ts.isElementAccessExpression(parent) && parent.expression === node) {
      const arg = parent.argumentExpression;
      path.push(ts.isStringLiteral(arg) || ts.isNumericLiteral(arg) ? arg.text : null);
    } else return path;
    node = parent;
  }
}

/** The catalogue keys no code names. */
function unusedKeys(keys: readonly string[], use: KeyUse): string[] {
  return keys.filter((key) => !use.exact.has(key) && !use.patterns.some((p) => p.test(key)));
}

function sourceFiles(folder: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(ROOT, folder), { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts"))
      out.push(path);
  }
  return out;
}

function scanProject(topLevel: ReadonlySet<string>): KeyUse {
  const use: KeyUse = { exact: new Set(), patterns: [] };
  for (const file of SCANNED.flatMap(sourceFiles)) {
    const name = relative(ROOT, join(ROOT, file)).split("\\").join("/");
    if (CATALOGUES.has(name)) continue;
    keyUses(readFileSync(join(ROOT, file), "utf8"), name, topLevel, use);
  }
  return use;
}

const TOP_LEVEL = new Set(Object.keys(ENGLISH));

test("every English key is used by the renderer, main or describe-error", () => {
  const unused = unusedKeys(leafKeys(ENGLISH), scanProject(TOP_LEVEL));
  const how =
    'Use each one (t("a.b") in the renderer; catalogue(lang).a.b or m.a.b in app/ and main/) or delete it from en.ts and hi.ts';
  assert.deepEqual(unused, [], `${unused.length} keys are used nowhere. ${how}`);
});

test("no key is missing in either language", () => {
  const english = new Set(leafKeys(ENGLISH));
  const hindi = new Set(leafKeys(HINDI));
  assert.deepEqual(
    [...english].filter((k) => !hindi.has(k)),
    [],
    "missing in Hindi",
  );
  assert.deepEqual(
    [...hindi].filter((k) => !english.has(k)),
    [],
    "missing in English",
  );
});

// The scanner itself: each rule must be able to fail.

const CATALOGUE = {
  result: { title: "", copy: "" },
  errors: { busy: { title: "", action: "" }, timeout: { title: "", action: "" } },
  env: { badge: { a: "", b: "" } },
};
const KEYS = leafKeys(CATALOGUE);
const TOP = new Set(Object.keys(CATALOGUE));

function scan(code: string): string[] {
  const use: KeyUse = { exact: new Set(), patterns: [] };
  keyUses(code, "x.tsx", TOP, use);
  return unusedKeys(KEYS, use);
}

test("scanner: a key named nowhere, or only in a comment, is reported", () => {
  assert.deepEqual(scan(`t("result.title"); // t("result.copy")\n/* "errors.busy.title" */`), [
    "result.copy",
    "errors.busy.title",
    "errors.busy.action",
    "errors.timeout.title",
    "errors.timeout.action",
    "env.badge.a",
    "env.badge.b",
  ]);
});

test("scanner: a template names one family member per segment, not its neighbours", () => {
  const left = scan('t(`env.badge.${env}`); t(`errors.${kind}.title`); t("result.title"); t("result.copy")');
  assert.deepEqual(left, ["errors.busy.action", "errors.timeout.action"]);
  // A template that starts with no catalogue section (a file name, a URL) names nothing.
  assert.equal(scan("const f = `${dir}.${ext}`;").length, KEYS.length);
});

test("scanner: property paths from catalogue() and from variables holding a catalogue use what they reach", () => {
  const code = `const m = catalogue(lang);
    const a = m.errors.busy.title;
    const b = m.errors[error.kind];
    const c = catalogue(lang).env;
    function f(n: Messages) { return n.result["copy"]; }`;
  assert.deepEqual(scan(code), ["result.title"]);
  // Any other m (a regex match, say) is just a variable.
  assert.deepEqual(scan("const m = /x/.exec(s); m.result.title; m.errors.busy;"), KEYS);
});
