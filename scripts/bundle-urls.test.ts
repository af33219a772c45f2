/**
 * The built bundles name no remote host but Eko's: no CDN, web font, analytics or update server
 * can hide in a dependency. Reads dist/ as `node scripts/build.mjs` leaves it (npm test builds
 * first). Every other URL-looking string is listed below with why it is harmless.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { EKO_BASE_URLS } from "../app/settings";

const root = join(__dirname, "..");
const dist = join(root, "dist");

type Bundle = "main" | "renderer";

/** Strings that look like remote URLs but are never fetched; exact, and only where they occur. */
const NOT_FETCHED: { url: string; in: Bundle; why: string }[] = [
  ...[
    "http://www.w3.org/2000/svg",
    "http://www.w3.org/1999/xlink",
    "http://www.w3.org/XML/1998/namespace",
    "http://www.w3.org/1998/Math/MathML",
  ].map((url) => ({
    url,
    in: "renderer" as const,
    why: "XML namespace names React DOM gives SVG and MathML elements: identifiers, not addresses",
  })),
  {
    url: "https://react.dev/errors/",
    in: "renderer",
    why: "React's production error messages name its error decoder page as text; the CSP (connect-src 'self') would refuse it anyway",
  },
  ...[
    "https://json-schema.org/draft/2020-12/schema",
    "http://json-schema.org/draft-07/schema#",
    "http://json-schema.org/draft-04/schema#",
  ].map((url) => ({
    url,
    in: "main" as const,
    why: "zod's JSON Schema export writes these as $schema identifiers; the app never exports or fetches a schema",
  })),
];

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** Every http(s) URL with a host in a text (help text such as "starting with https://" has none). */
export function remoteUrls(text: string): string[] {
  return [...text.matchAll(/https?:\/\/(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])[^\s"'`)<>\\]*/g)].map((m) => m[0]);
}

export function isAllowed(url: string, bundle: Bundle): boolean {
  const host = /^https?:\/\/([^/:?#]+|\[[^\]]+\])/.exec(url)?.[1] ?? "";
  if (LOOPBACK.has(host)) return true;
  if (Object.values(EKO_BASE_URLS).some((base) => url === base || url.startsWith(`${base}/`))) return true;
  return NOT_FETCHED.some((entry) => entry.url === url && entry.in === bundle);
}

const built = existsSync(join(dist, "main", "index.js")) && existsSync(join(dist, "renderer", "app.js"));
const skip = built
  ? false
  : process.env.REFUND_DESK_IN_TEST_SESSION
    ? false
    : "the app is not built (npm test builds it first)";

test("the scanner finds hosts and refuses a CDN, a font host, an update server and a look-alike of Eko", () => {
  const planted =
    'fetch("https://cdn.example.com/lib.js");@import url(https://fonts.googleapis.com/css?family=X);const u=`https://updates.example/${v}`;"https://api.eko.in.evil.example/ekoicici/v3";"http://127.0.0.1.nip.io/"';
  const found = remoteUrls(planted);
  assert.deepEqual(found, [
    "https://cdn.example.com/lib.js",
    "https://fonts.googleapis.com/css?family=X",
    "https://updates.example/${v}",
    "https://api.eko.in.evil.example/ekoicici/v3",
    "http://127.0.0.1.nip.io/",
  ]);
  assert.deepEqual(
    found.filter((url) => isAllowed(url, "renderer")),
    [],
  );
  assert.deepEqual(remoteUrls("Type the full address starting with https://, without a ?"), []);
  assert.ok(isAllowed("https://staging.eko.in/ekoapi/v3", "renderer"));
  assert.ok(isAllowed("https://api.eko.in/ekoicici/v3/customer/payment/refund", "main"));
  assert.ok(isAllowed("http://127.0.0.1:${port}/ekoapi/v3", "main"));
  assert.equal(isAllowed("https://react.dev/errors/", "main"), false, "an allowance holds only where it was seen");
  for (const entry of NOT_FETCHED) assert.ok(entry.why.length > 30, entry.url);
});

test("dist/main and dist/renderer name no remote host but the configured Eko base URLs", { skip }, () => {
  const files: [string, Bundle][] = [
    ...readdirSync(join(dist, "main")).map((f): [string, Bundle] => [join(dist, "main", f), "main"]),
    ...readdirSync(join(dist, "renderer")).map((f): [string, Bundle] => [join(dist, "renderer", f), "renderer"]),
  ];
  const names = files.map(([path]) => path.slice(dist.length + 1)).sort();
  for (const expected of ["main/cli.js", "main/index.js", "main/preload.js", "renderer/app.js", "renderer/index.html"])
    assert.ok(names.includes(expected), expected);

  const refused = files.flatMap(([path, bundle]) =>
    remoteUrls(readFileSync(path, "utf8"))
      .filter((url) => !isAllowed(url, bundle))
      .map((url) => `${path.slice(dist.length + 1)}: ${url}`),
  );
  assert.deepEqual(
    [...new Set(refused)],
    [],
    "a remote address in a bundle: remove it, or list it in NOT_FETCHED with why it is never fetched",
  );
  const eko = files.some(([path]) => readFileSync(path, "utf8").includes(EKO_BASE_URLS.production));
  assert.ok(eko, "the scan read the bundles (the production base URL is in them)");
});
