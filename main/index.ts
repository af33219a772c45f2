/**
 * Composition root of the Electron main process. Either runs one CLI command (the packaged
 * executable takes the same arguments as `npx refund-desk`) or opens the desk's window. Policy
 * lives in main/electron/; services in the modules imported below.
 */
import { app, BrowserWindow, dialog, net, session } from "electron";
import { dirname, join } from "node:path";
import { err } from "../app/result";
import { listPrinters, printWindow } from "./electron/print";
import { guardEveryWebContents } from "./electron/web-contents-guard";
import { isCliInvocation, runCli } from "./cli/cli";
import { EXIT } from "./cli/exit-codes";
import { reportUnexpected } from "./cli/unexpected";
import { registerAppScheme, serveAppProtocol } from "./electron/app-protocol";
import { registerIpc } from "./electron/ipc-registration";
import { saveWithDialog } from "./electron/save-dialog";
import { APP_ORIGIN } from "./window-policy/protocol-paths";
import { applyPermissionPolicy, lockDownRendererSession, UI_PARTITION } from "./electron/session-policy";
import { applyApplicationMenu, createMainWindow } from "./electron/window";
import { resolveDataDir } from "./fs/data-dir";
import { createKeytarKeyStore, KEYCHAIN_SERVICE } from "./keychain/key-store";
import { TOKEN_PIN_ACCOUNT } from "./signer/token-pin";
import { launchOverrides } from "./launch/launch-overrides";
import { isE2eBuild } from "./launch/e2e-build";
import { checkLaunch, REFUSED_LAUNCH_EXIT } from "./launch/launch-switches";
import { realMachineDeps } from "./launch/machine-deps";
import { openRefundDesk, type RefundDesk } from "./refund-desk";

/** The bundle runs from dist/main; the renderer is built to dist/renderer. */
const RENDERER_ROOT = join(__dirname, "..", "renderer");

// Before anything else: the installed app refuses Chromium switches and debugging variables.
const launchCheck = app.isPackaged
  ? checkLaunch(process.argv, process.env, process.platform, isE2eBuild(app.getAppPath()))
  : { ok: true as const };
const launch = launchOverrides(process.env, app.isPackaged);
const dataDir = resolveDataDir(launch.dataDir, app.getPath("userData"));
// Chromium's profile and the single-instance lock follow userData: with REFUND_DESK_HOME set
// (development), everything the app writes is in that one folder, and separate homes run side by side.
app.setPath("userData", dataDir);
// Packaged, Electron's resources folder holds what electron-builder.yml put there (macOS's OS-log writer).
const machine = realMachineDeps(launch, dataDir, app.isPackaged ? process.resourcesPath : null);

if (!launchCheck.ok) {
  process.stderr.write(launchCheck.message);
  if (!isCliInvocation(process.argv)) dialog.showErrorBox("Refund Desk", launchCheck.message);
  app.exit(REFUSED_LAUNCH_EXIT);
} else if (isCliInvocation(process.argv)) {
  // No single-instance lock: a support script must work while the window is open.
  void runCliAndExit();
} else if (!app.requestSingleInstanceLock()) {
  // The running instance gets `second-instance` and comes to the front.
  app.quit();
} else {
  guardEveryWebContents(app);
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
      {
        fetch: net.fetch.bind(net) as typeof fetch,
        keyStore: createKeytarKeyStore(),
        tokenPinStore: tokenPinStore(),
        dataDir,
        machine,
        env: process.env,
      },
    );
  } catch (error) {
    // One line and where the details went, as in cli-entry.ts: never a stack trace on the screen.
    code = reportUnexpected(error, process.stderr);
  }
  // app.exit does not wait for piped output; let it drain first.
  await Promise.all([flush(process.stdout), flush(process.stderr)]);
  app.exit(code);
}

/** The token's user PIN (signer pkcs11): its own keychain entry beside the access key's. */
function tokenPinStore() {
  return createKeytarKeyStore(undefined, KEYCHAIN_SERVICE, TOKEN_PIN_ACCOUNT);
}

function flush(stream: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => stream.write("", () => resolve()));
}

async function startDesk(): Promise<void> {
  // Nothing web-facing runs in the default session (it carries main's requests to Eko), but no
  // page there gets a permission either.
  applyPermissionPolicy(session.defaultSession);
  const uiSession = session.fromPartition(UI_PARTITION);
  lockDownRendererSession(uiSession);
  serveAppProtocol(uiSession, RENDERER_ROOT);

  // No save may land where the app keeps its state or its code.
  const protectedFolders = installFolders();
  let win: BrowserWindow | null = null;
  const desk = await openRefundDesk(
    {
      fetch: net.fetch.bind(net) as typeof fetch,
      keyStore: createKeytarKeyStore(),
      tokenPinStore: tokenPinStore(),
      dataDir,
      appOrigin: APP_ORIGIN,
      saveFile: saveWithDialog([dataDir, ...protectedFolders]),
      exportsDir: join(app.getPath("documents"), "Refund Desk exports"),
      protectedFolders,
      print: (options) =>
        win && !win.isDestroyed()
          ? printWindow(win.webContents, options)
          : Promise.resolve(err({ kind: "print-failed", details: { cause: "no-window" } })),
      printers: async () => (win && !win.isDestroyed() ? listPrinters(win.webContents) : []),
      // An admin's kiosk exit: quit once the reply has gone back to the window.
      quit: () => setTimeout(() => app.quit(), 0),
    },
    machine,
  );
  registerIpc(desk);
  closeDeskOnQuit(desk);
  keepJournalDaily(desk);

  // Kiosk mode comes from the policy in force, read once at start (machine-wide file or provisioning).
  const { kioskMode } = desk.policy;
  applyApplicationMenu(kioskMode);
  // With no `window-all-closed` listener, closing this window quits the app on every platform.
  const window = createMainWindow(uiSession, kioskMode);
  win = window;
  app.on("second-instance", () => {
    if (window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
}

/**
 * The journal's upkeep a minute after start (not to compete with it), then once a day. A failed
 * upkeep leaves every file as it was and is tried again the next time.
 */
function keepJournalDaily(desk: RefundDesk): void {
  const keep = () => void desk.keepJournal().catch(() => undefined);
  setTimeout(keep, 60_000).unref();
  setInterval(keep, 24 * 60 * 60_000).unref();
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

/** The install folder (and on macOS the .app bundle) and Electron's resources: never a save target. */
function installFolders(): string[] {
  const exeFolder = dirname(app.getPath("exe"));
  const folders = [app.getPath("userData"), exeFolder, process.resourcesPath];
  if (process.platform === "darwin") folders.push(join(exeFolder, "..", ".."));
  return folders;
}
