/**
 * The built page (scripts/bundles.mjs) paints from what it carries: its stylesheet and first-frame
 * gate are inline, and the policy in its own meta tag allows exactly the blocks the served header
 * allows (main/window-policy/page-policy.ts), so neither policy refuses what the other lets run.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pageSecurityPolicy } from "../main/window-policy/page-policy";
import { CONTENT_SECURITY_POLICY } from "../main/window-policy/protocol-paths";

const html = readFileSync(join(__dirname, "..", "dist", "renderer", "index.html"), "utf8");

test("the built page's head fetches nothing before its first paint: no stylesheet link, no classic script file", () => {
  assert.doesNotMatch(html, /<link rel="stylesheet"/);
  assert.doesNotMatch(html, /<script src=/);
  assert.match(html, /<style>[^<]*\.tid-input/);
  assert.match(html, /<script>[^<]+<\/script>/);
});

test("the page's meta policy allows what the header allows: the same hashes, the same directives", () => {
  const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
  assert.ok(meta, "no CSP meta tag");
  // A meta policy cannot carry frame-ancestors; the header does.
  const header = pageSecurityPolicy(html, CONTENT_SECURITY_POLICY)
    .split("; ")
    .filter((d) => !d.startsWith("frame-ancestors "));
  assert.deepEqual(meta.split("; "), header);
  assert.match(meta, /script-src 'self' 'sha256-[A-Za-z0-9+/=]+'(;|$)/);
  assert.match(meta, /style-src 'self' 'sha256-[A-Za-z0-9+/=]+'(;|$)/);
});
