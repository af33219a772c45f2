import type { App, WebContents } from "electron";
import { isAppPageUrl } from "../window-policy/navigation-guard";

/**
 * One guard for every web contents the app ever creates (the window, and anything a compromised
 * page might open): no navigation away from the app's page, no frame navigating anywhere, no new
 * windows, no <webview>, and WebRTC never sends this PC's addresses past a proxy.
 */
export function guardEveryWebContents(app: Pick<App, "on">): void {
  app.on("web-contents-created", (_event, contents) => guard(contents));
}

function guard(contents: WebContents): void {
  contents.on("will-navigate", (event) => {
    if (!isAppPageUrl(event.url)) event.preventDefault();
  });
  contents.on("will-redirect", (event) => {
    if (!isAppPageUrl(event.url)) event.preventDefault();
  });
  // Frames have no business here (CSP frame-src 'none'); the main frame may only reload its page.
  contents.on("will-frame-navigate", (event) => {
    if (!event.isMainFrame || !isAppPageUrl(event.url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: "deny" }));
  contents.on("will-attach-webview", (event) => event.preventDefault());
  contents.setWebRTCIPHandlingPolicy("disable_non_proxied_udp");
}
