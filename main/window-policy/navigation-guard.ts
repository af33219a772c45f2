/**
 * What the renderer may navigate to and fetch. No Electron import, so it is tested under plain
 * Node; window.ts and session-policy.ts apply it.
 */
import { APP_HOST, APP_SCHEME } from "./protocol-paths";

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function isAppOrigin(url: URL): boolean {
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
}

/** The app's own page (a reload, or a hash or query on it); the window navigates nowhere else. */
export function isAppPageUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && isAppOrigin(parsed) && (parsed.pathname === "/" || parsed.pathname === "/index.html");
}

/** Any URL of the app's origin: where IPC callers and permission requests must come from. */
export function isAppOriginUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && isAppOrigin(parsed);
}

/**
 * Whether a request from the renderer's session may proceed. Only requests that cannot leave the
 * machine pass: the app's own files, DevTools' front end (development builds only have DevTools)
 * and inline data/blob URLs. Everything else (http, https, ws, file, other app:// hosts) is
 * cancelled, so a compromised page can reach no network; main talks to Eko itself.
 */
export function isAllowedRendererRequest(url: string): boolean {
  const parsed = parse(url);
  if (parsed === null) return false;
  switch (parsed.protocol) {
    case `${APP_SCHEME}:`:
      return parsed.host === APP_HOST;
    case "devtools:":
    case "data:":
    case "blob:":
      return true;
    default:
      return false;
  }
}
