/**
 * How the renderer bundle is served on `app://refund-desk/…`: which URL maps to which file, with
 * which headers. No Electron import, so it is tested under plain Node; app-protocol.ts wires it to
 * `protocol.handle`.
 */
import { readFile } from "node:fs/promises";
import { extname, isAbsolute, join, relative } from "node:path";
import { pageSecurityPolicy } from "./page-policy";

export const APP_SCHEME = "app";
export const APP_HOST = "refund-desk";
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * app://'s privileges: a standard, secure origin (CSP 'self', relative module imports, storage),
 * and V8's code cache for its scripts. Nothing that widens what the page may reach: no CSP bypass,
 * no CORS, no fetch API, no service workers.
 */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, codeCache: true } as const;

/**
 * Everything the page loads comes from its own origin; nothing remote, nothing inline (but the
 * page's own blocks, by hash: page-policy.ts), no eval, no frames and no workers; and no string
 * ever reaches an HTML or script sink (Trusted Types).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
  "require-trusted-types-for 'script'",
].join("; ");

/** Only these kinds of file are served; anything else in the folder is a 404. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
};

/**
 * One path segment as the build names files. It refuses `.` and `..`, hidden files, and anything
 * carrying a separator, a drive colon or a NUL once percent-decoded (`%2e%2e`, `%2f`, `%5c`, `%00`).
 */
const SAFE_SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

function contentTypeFor(filePath: string): string | null {
  return CONTENT_TYPES[extname(filePath).toLowerCase()] ?? null;
}

/**
 * The file under `root` that `url` names, or null when the URL is not ours, escapes `root`, or
 * names a type we do not serve. `/` is index.html.
 */
export function resolveAppFile(root: string, url: string): { path: string; contentType: string } | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;

  const encoded =
    parsed.pathname === "" || parsed.pathname === "/" ? ["index.html"] : parsed.pathname.slice(1).split("/");
  const segments: string[] = [];
  for (const segment of encoded) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return null;
    }
    if (!SAFE_SEGMENT.test(decoded)) return null;
    segments.push(decoded);
  }

  const filePath = join(root, ...segments);
  // Belt and braces: the segment rule already rules this out.
  const rel = relative(root, filePath);
  if (rel === "" || rel.startsWith("..") || isAbsolute(rel)) return null;

  const contentType = contentTypeFor(filePath);
  return contentType === null ? null : { path: filePath, contentType };
}

/** Headers every app:// response carries, errors included. */
export function baseHeaders(): Record<string, string> {
  return {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    // The files change with each install; never serve a previous version's bundle.
    "Cache-Control": "no-store",
  };
}

function plain(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { ...baseHeaders(), "Content-Type": "text/plain; charset=utf-8" },
  });
}

/** Answers one app:// request from the files under `root` (GET and HEAD only). */
export async function serveAppRequest(root: string, request: Request): Promise<Response> {
  if (request.method !== "GET" && request.method !== "HEAD") {
    return plain(405, "Method not allowed");
  }
  const file = resolveAppFile(root, request.url);
  if (file === null) return plain(404, "Not found");

  let body: Buffer;
  try {
    body = await readFile(file.path);
  } catch {
    return plain(404, "Not found");
  }
  const headers: Record<string, string> = {
    ...baseHeaders(),
    "Content-Type": file.contentType,
    "Content-Length": String(body.length),
  };
  // A page may apply its own inline blocks (page-policy.ts); every other response carries the base policy.
  if (file.contentType.startsWith("text/html"))
    headers["Content-Security-Policy"] = pageSecurityPolicy(body.toString("utf8"), CONTENT_SECURITY_POLICY);
  return new Response(request.method === "HEAD" ? null : new Uint8Array(body), { status: 200, headers });
}
