/**
 * The layer rules of DESIGN.md, enforced rather than hoped for (VS Code does the same for its
 * layers): app/ imports neither side nor any platform; renderer/ never imports main/; main/ never
 * imports renderer/; only the composition root, the preload and main/electron/ import electron.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join, relative, resolve } from "node:path";

const root = resolve(__dirname, "..");
const NODE_BUILTINS = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
const ELECTRON_ALLOWED = [/^main\/index\.ts$/, /^main\/preload\.ts$/, /^main\/electron\//];

function sources(folder: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(root, folder), { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) out.push(...sources(path));
    else if (/\.tsx?$/.test(entry.name)) out.push(path);
  }
  return out;
}

/** Every module specifier of a file: static imports, re-exports, dynamic imports and require. */
export function importsOf(code: string): string[] {
  const specifiers: string[] = [];
  const pattern = /(?:^|\n)\s*(?:import|export)\s[^;]*?[\s}*]from\s*["']([^"']+)["']|import\s*\(\s*["']([^"']+)["']\s*\)|require\(\s*["']([^"']+)["']\s*\)|(?:^|\n)\s*import\s*["']([^"']+)["']/g;
  for (const match of code.matchAll(pattern)) specifiers.push((match[1] ?? match[2] ?? match[3] ?? match[4]) as string);
  return specifiers;
}

function layerOf(file: string, specifier: string): string {
  if (!specifier.startsWith(".")) return specifier;
  return relative(root, resolve(root, dirname(file), specifier)).split("/")[0] ?? "";
}

const isTest = (file: string) => /\.test\.tsx?$/.test(file);

test("the import scanner sees every form of import", () => {
  assert.deepEqual(importsOf(`import a from "x";\nexport { b } from './y';\nconst c = require("z");\nawait import("w");\nimport "v";`), ["x", "./y", "z", "w", "v"]);
  // "from" as a string in code is no import (a function taking a field named "from").
  assert.deepEqual(importsOf(`export function f() {\n  return g("from", "to");\n}\nexport * from "./z";`), ["./z"]);
});

test("app/ imports no Electron, no Node built-in, no DOM-side code, and neither process", () => {
  for (const file of sources("app").filter((f) => !isTest(f))) {
    for (const spec of importsOf(readFileSync(join(root, file), "utf8"))) {
      const layer = layerOf(file, spec);
      assert.ok(!NODE_BUILTINS.has(spec) && spec !== "electron", `${file} imports ${spec}`);
      assert.ok(layer !== "main" && layer !== "renderer", `${file} imports ${spec}`);
      assert.ok(spec.startsWith(".") || spec === "zod", `${file} imports ${spec}: app/ stays dependency-light`);
    }
  }
});

test("renderer/ never imports main/, Electron or Node built-ins", () => {
  for (const file of sources("renderer").filter((f) => !isTest(f))) {
    for (const spec of importsOf(readFileSync(join(root, file), "utf8"))) {
      assert.notEqual(layerOf(file, spec), "main", `${file} imports ${spec}`);
      assert.ok(!NODE_BUILTINS.has(spec) && spec !== "electron", `${file} imports ${spec}`);
    }
  }
});

test("main/ never imports renderer/, and only the shell files import electron", () => {
  for (const file of sources("main")) {
    for (const spec of importsOf(readFileSync(join(root, file), "utf8"))) {
      assert.notEqual(layerOf(file, spec), "renderer", `${file} imports ${spec}`);
      if (spec === "electron" && !isTest(file)) assert.ok(ELECTRON_ALLOWED.some((p) => p.test(file)), `${file} imports electron`);
    }
  }
});
