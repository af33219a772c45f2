/**
 * The app:// scheme the renderer is served from. A privileged standard, secure scheme gives the page
 * a real origin (so CSP 'self', relative URLs and storage behave as on https) without a file://
 * page's extra privileges or a local web server.
 */
import { protocol, type Session } from "electron";
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, serveAppRequest } from "../window-policy/protocol-paths";

/**
 * Must run before the app's `ready` event, and only once. `codeCache` lets V8 keep the compiled
 * renderer bundle between starts, as it does for https pages (it needs `standard`).
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
}

/** Serves `rendererRoot` on app:// in `ses` (a protocol handler belongs to one session). */
export function serveAppProtocol(ses: Session, rendererRoot: string): void {
  ses.protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererRoot, request));
}
