import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { pageSecurityPolicy } from "./page-policy";
import { CONTENT_SECURITY_POLICY } from "./protocol-paths";

const sha = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
const directive = (policy: string, name: string) => policy.split("; ").find((d) => d.startsWith(`${name} `));

test("a page with no inline block is served the base policy as it is", () => {
  assert.equal(pageSecurityPolicy("<!doctype html><title>x</title>", CONTENT_SECURITY_POLICY), CONTENT_SECURITY_POLICY);
});

test("each inline script and style of the head is allowed by the hash of its exact text, and nothing else", () => {
  const gate = "document.documentElement.dataset.x='1'";
  const css = "body{margin:0}\n.x{color:red}";
  const policy = pageSecurityPolicy(
    `<head><style>${css}</style><script>${gate}</script><script src="app.js"></script></head><body><script>b()</script><style>p{}</style></body>`,
    CONTENT_SECURITY_POLICY,
  );
  // The body's blocks get no allowance: the build writes none there.
  assert.equal(directive(policy, "script-src"), `script-src 'self' ${sha(gate)}`);
  assert.equal(directive(policy, "style-src"), `style-src 'self' ${sha(css)}`);
  assert.doesNotMatch(policy, /unsafe-/);
  // Everything else stays as the base policy says.
  const others = (p: string) => p.split("; ").filter((d) => !/^(script|style)-src /.test(d));
  assert.deepEqual(others(policy), others(CONTENT_SECURITY_POLICY));
});

test("a block's hash is over its text as the parser leaves it: CRLF and CR are read as LF", () => {
  const policy = pageSecurityPolicy("<head><style>a{}\r\nb{}\rc{}</style></head>", CONTENT_SECURITY_POLICY);
  assert.equal(directive(policy, "style-src"), `style-src 'self' ${sha("a{}\nb{}\nc{}")}`);
});

test("a script tag with attributes is not taken for an inline block", () => {
  const policy = pageSecurityPolicy('<head><script type="module">evil()</script></head>', CONTENT_SECURITY_POLICY);
  assert.equal(policy, CONTENT_SECURITY_POLICY);
});
