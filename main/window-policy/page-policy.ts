/**
 * The CSP an app:// page is served with: the base policy, plus the hashes of the page's own inline
 * blocks. The build puts the stylesheet and the first-frame gate inline in index.html so the first
 * paint waits for no file (scripts/bundles.mjs); exactly those texts may apply, and a script or
 * style added at run time still may not. The file is the app's own, as trusted as app.js beside it.
 */
import { createHash } from "node:crypto";

/** Over the text as the HTML parser leaves it, CRLF and CR as LF: what the browser hashes. */
const hashSource = (text: string) =>
  `'sha256-${createHash("sha256").update(text.replace(/\r\n?/g, "\n"), "utf8").digest("base64")}'`;

/**
 * `<script>` and `<style>` blocks with no attributes in the page's head: the only inline forms the
 * build writes, where it writes them. The body (the prerendered screen) gets no allowance.
 */
function inlineBlocks(html: string, tag: "script" | "style"): string[] {
  const end = html.indexOf("</head>");
  const head = end < 0 ? "" : html.slice(0, end);
  return [...head.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, "g"))].map((m) => m[1] ?? "");
}

/** `base` with each inline script's and style's hash added to `script-src` and `style-src`. */
export function pageSecurityPolicy(html: string, base: string): string {
  const add = (directive: string, hashes: string[]) =>
    hashes.length === 0 ? directive : `${directive} ${hashes.join(" ")}`;
  return base
    .split("; ")
    .map((directive) => {
      if (directive === "script-src 'self'") return add(directive, inlineBlocks(html, "script").map(hashSource));
      if (directive === "style-src 'self'") return add(directive, inlineBlocks(html, "style").map(hashSource));
      return directive;
    })
    .join("; ");
}
