/**
 * Composition root of the Electron main process. Either runs one CLI command (the packaged
 * executable takes the same arguments as `npx refund-desk`) or opens the desk's window. Policy
 * lives in main/electron/; services in the modules imported below.
 */
import { app, dialog, net, session } from "electron";
import { join } from "node:path";
import { isCliInvocation, runCli } from "./cli/cli";
import { EXIT } from "./cli/exit-codes";
import { registerAppScheme, serveAppProtocol } from "./electron/app-protocol";
import { registerIpc } from "./electron/ipc-registration";
import { saveWithDialog } from "./electron/save-dialog";
import { APP_ORIGIN } from "./window-policy/protocol-paths";
import { applyPermissionPolicy, lockDownRendererSession, UI_PARTITION } from "./electron/session-policy";
import { applyApplicationMenu, createMainWindow } from "./electron/window";
import { resolveDataDir } from "./fs/data-dir";
import { createKeytarKeyStore } from "./keychain/key-store";
import { machinePolicyPath } from "./policy/machine-policy";
import { createRefundDesk, type RefundDesk } from "./refund-desk";

/** The bundle runs from dist/main; the renderer is built to dist/renderer. */
const RENDERER_ROOT = join(__dirname, "..", "renderer");

const dataDir = resolveDataDir(process.env, app.getPath("userData"));
// Chromium's profile and the single-instance lock follow userData: with REFUND_DESK_HOME set,
// everything the app writes is in that one folder, and separate homes run side by side.
app.setPath("userData", dataDir);

if (isCliInvocation(process.argv)) {
  // No single-instance lock: a support script must work while the window is open.
  void runCliAndExit();
} else if (!app.requestSingleInstanceLock()) {
  // The running instance gets `second-instance` and comes to the front.
  app.quit();
} else {
  registerAppScheme();
  app.enableSandbox();
  app
    .whenReady()
    .then(startDesk)
    .catch((error: unknown) => {
      dialog.showErrorBox("Refund Desk could not start", error instanceof Error ? error.message : String(error));
      app.exit(EXIT.internal);
    });
}

async function runCliAndExit(): Promise<void> {
  app.dock?.hide();
  let code: number;
  try {
    // net.fetch needs the app to be ready.
    await app.whenReady();
    code = await runCli(
      process.argv,
      { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr },
      { fetch: net.fetch.bind(net) as typeof fetch, keyStore: createKeytarKeyStore(), dataDir, machinePolicyPath: machinePolicyPath() },
    );
  } catch (error) {
    // Only the error's name, as in cli-entry.ts: a message could quote what the command was given.
    process.stderr.write(`refund-desk: unexpected failure (${error instanceof Error ? error.name : "unknown"})\n`);
    code = EXIT.internal;
  }
  // app.exit does not wait for piped output; let it drain first.
  await Promise.all([flush(process.stdout), flush(process.stderr)]);
  app.exit(code);
}

function flush(stream: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => stream.write("", () => resolve()));
}

function startDesk(): void {
  // Nothing web-facing runs in the default session (it carries main's requests to Eko), but no
  // page there gets a permission either.
  applyPermissionPolicy(session.defaultSession);
  const uiSession = session.fromPartition(UI_PARTITION);
  lockDownRendererSession(uiSession);
  serveAppProtocol(uiSession, RENDERER_ROOT);

  const desk = createRefundDesk({
    fetch: net.fetch.bind(net) as typeof fetch,
    keyStore: createKeytarKeyStore(),
    dataDir,
    appOrigin: APP_ORIGIN,
    machinePolicyPath: machinePolicyPath(),
    saveFile: saveWithDialog(),
    // An admin's kiosk exit: quit once the reply has gone back to the window.
    quit: () => setTimeout(() => app.quit(), 0),
  });
  registerIpc(desk);
  closeDeskOnQuit(desk);

  // Kiosk mode comes from the policy in force, read once at start (machine-wide file or provisioning).
  const { kioskMode } = desk.policy;
  applyApplicationMenu(kioskMode);
  // With no `window-all-closed` listener, closing this window quits the app on every platform.
  const win = createMainWindow(uiSession, kioskMode);
  app.on("second-instance", () => {
    if (win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
}

/** Quitting waits for the desk to close (journal flushed, simulator stopped), then finishes. */
function closeDeskOnQuit(desk: RefundDesk): void {
  let closed = false;
  let closing = false;
  app.on("will-quit", (event) => {
    if (closed) return;
    event.preventDefault();
    if (closing) return;
    closing = true;
    desk
      .close()
      // A failed close must not keep the app from quitting; dispatch and close report their own errors.
      .catch(() => undefined)
      .finally(() => {
        closed = true;
        app.quit();
      });
  });
}
