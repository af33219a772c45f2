/** Who sent an IPC message, reduced to what the trust check needs (no Electron types here). */
export interface SenderInfo {
  /** URL of the frame that sent the message. */
  url: string;
  /** Whether that frame is the top-level frame of the window. */
  isMainFrame: boolean;
}

/**
 * Only the app's own page, in the top-level frame, may call main. `appOrigin` is the origin the
 * app is served from (in Electron `app://refund-desk`, in the test host its loopback origin).
 */
export function isTrustedSender(sender: SenderInfo, appOrigin: string): boolean {
  if (!sender.isMainFrame) return false;
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return false;
  }
  // URL.origin is "null" for non-special schemes such as app:, so compare scheme and host.
  const expected = new URL(appOrigin);
  return url.protocol === expected.protocol && url.host === expected.host;
}
