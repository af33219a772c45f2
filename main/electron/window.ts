/** The one window: a sandboxed, isolated page from app:// that can navigate nowhere and open nothing. */
import { app, BrowserWindow, Menu, type Session } from "electron";
import { join } from "node:path";
import { isBlockedKioskKey, menuFor, windowOptionsFor, type WindowMode } from "../window-policy/kiosk-options";
import { APP_ENTRY_URL } from "../window-policy/protocol-paths";

export function createMainWindow(ses: Session, kiosk = false): BrowserWindow {
  const { devTools, ...chrome } = windowOptionsFor(mode(kiosk));
  const win = new BrowserWindow({
    ...chrome,
    title: "Refund Desk",
    width: 1200,
    height: 800,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    webPreferences: {
      session: ses,
      // The bundle runs from dist/main; the preload is built beside it.
      preload: join(__dirname, "preload.js"),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools,
    },
  });
  win.once("ready-to-show", () => win.show());

  // Navigation, new windows and webviews: web-contents-guard.ts, for this and every web contents.
  if (kiosk) keepKiosk(win);

  void win.loadURL(APP_ENTRY_URL);
  return win;
}

/**
 * A kiosk's window swallows reload, DevTools and close keys and refuses to close, except when the
 * app itself quits (an admin's exit, the OS shutting down or logging off, which also quits apps).
 */
function keepKiosk(win: BrowserWindow): void {
  let quitting = false;
  app.on("before-quit", () => (quitting = true));
  win.on("session-end", () => (quitting = true));
  win.on("close", (event) => {
    if (!quitting) event.preventDefault();
  });
  win.webContents.on("before-input-event", (event, input) => {
    if (isBlockedKioskKey(input)) event.preventDefault();
  });
}

function mode(kiosk: boolean): WindowMode {
  return { kiosk, packaged: app.isPackaged };
}

/** The menu for this mode (see menuFor): Electron's default is kept only where it is asked for. */
export function applyApplicationMenu(kiosk = false): void {
  const plan = menuFor(mode(kiosk), process.platform);
  if (plan === "default") return;
  if (plan === "none") Menu.setApplicationMenu(null);
  else
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(plan === "edit" ? [{ role: "editMenu" }] : [{ role: "appMenu" }, { role: "editMenu" }]),
    );
}
