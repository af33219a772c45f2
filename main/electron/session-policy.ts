/**
 * Session-wide rules. The window gets its own session (UI_PARTITION) so that its network lock-down
 * does not touch the default session, which main's `net.fetch` uses to reach Eko: webRequest
 * handlers also apply to `net.fetch` requests of the session they are installed on.
 */
import type { Session } from "electron";
import { isAllowedRendererRequest } from "../window-policy/navigation-guard";
import { isPermissionGranted } from "../window-policy/permission-policy";

export const UI_PARTITION = "persist:refund-desk";

/** Permission requests and checks: denied except what window-policy/permission-policy.ts grants. */
export function applyPermissionPolicy(ses: Session): void {
  ses.setPermissionRequestHandler((_webContents, permission, callback, details) => {
    callback(isPermissionGranted(permission, details.requestingUrl, details.isMainFrame));
  });
  ses.setPermissionCheckHandler((_webContents, permission, requestingOrigin, details) =>
    isPermissionGranted(permission, details.requestingUrl ?? requestingOrigin, details.isMainFrame),
  );
  // HID, serial and USB devices have their own handler; no device is ever granted.
  ses.setDevicePermissionHandler(() => false);
}

/** The renderer's session: permissions as above, no network, no downloads, no spellchecker. */
export function lockDownRendererSession(ses: Session): void {
  applyPermissionPolicy(ses);
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRendererRequest(details.url) });
  });
  ses.on("will-download", (event) => event.preventDefault());
  // The spellchecker downloads its dictionaries from Google's CDN; kiosks are offline.
  ses.setSpellCheckerEnabled(false);
}
