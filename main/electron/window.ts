/** The one window: a sandboxed, isolated page from app:// that can navigate nowhere and open nothing. */
import { app, BrowserWindow, Menu, type Session } from "electron";
import { join } from "node:path";
import { isAppPageUrl } from "./navigation-guard";
import { APP_ENTRY_URL } from "./protocol-paths";

export function createMainWindow(ses: Session): BrowserWindow {
  const win = new BrowserWindow({
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
      devTools: !app.isPackaged,
    },
  });
  win.once("ready-to-show", () => win.show());

  const contents = win.webContents;
  contents.on("will-navigate", (event) => {
    if (!isAppPageUrl(event.url)) event.preventDefault();
  });
  contents.on("will-redirect", (event) => {
    if (!isAppPageUrl(event.url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: "deny" }));
  contents.on("will-attach-webview", (event) => event.preventDefault());

  void win.loadURL(APP_ENTRY_URL);
  return win;
}

/**
 * Development builds keep Electron's default menu (reload, DevTools). Packaged builds have none,
 * except on macOS, where text fields only get Cmd+C/V/X/A from an Edit menu and the app needs
 * Cmd+Q: there it is the app and Edit menus alone.
 */
export function applyApplicationMenu(): void {
  if (!app.isPackaged) return;
  Menu.setApplicationMenu(
    process.platform === "darwin" ? Menu.buildFromTemplate([{ role: "appMenu" }, { role: "editMenu" }]) : null,
  );
}
