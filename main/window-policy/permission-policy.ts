/**
 * Which web permissions the renderer gets: none, except writing text to the clipboard from the
 * app's own top-level page (the "copy otp_ref_id" button). Chromium gates
 * `navigator.clipboard.writeText` on `clipboard-sanitized-write`, so denying it would make copy
 * fail silently in Electron while it works in the browser-based test host. No Electron import.
 */
import { isAppOriginUrl } from "./navigation-guard";

const GRANTED_PERMISSIONS: readonly string[] = ["clipboard-sanitized-write"];

export function isPermissionGranted(
  permission: string,
  requestingUrl: string | undefined,
  isMainFrame: boolean,
): boolean {
  return (
    GRANTED_PERMISSIONS.includes(permission) &&
    isMainFrame &&
    requestingUrl !== undefined &&
    isAppOriginUrl(requestingUrl)
  );
}
