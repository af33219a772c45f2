/**
 * How the window behaves in kiosk mode, as plain data and predicates: window.ts applies them to
 * Electron; this file imports no electron, so the behaviour is tested under plain Node.
 *
 * An app can only lock itself down: Ctrl+Alt+Del, the Windows key, Alt+Tab and Cmd+Tab belong to
 * the OS (Windows Assigned Access or Shell Launcher, macOS managed profiles lock those).
 */

export interface WindowMode {
  kiosk: boolean;
  /** app.isPackaged: development builds keep DevTools and the default menu outside kiosk mode. */
  packaged: boolean;
}

/** The BrowserWindow options that differ between a counter PC's window and a kiosk's. */
export interface KioskWindowOptions {
  kiosk?: boolean;
  fullscreen?: boolean;
  autoHideMenuBar?: boolean;
  closable?: boolean;
  minimizable?: boolean;
  maximizable?: boolean;
  resizable?: boolean;
  movable?: boolean;
  /** For webPreferences.devTools. */
  devTools: boolean;
}

export function windowOptionsFor(mode: WindowMode): KioskWindowOptions {
  if (!mode.kiosk) return { devTools: !mode.packaged };
  return {
    kiosk: true,
    fullscreen: true,
    autoHideMenuBar: true,
    closable: false,
    minimizable: false,
    maximizable: false,
    resizable: false,
    movable: false,
    devTools: false,
  };
}

/**
 * "default": Electron's menu (reload, DevTools) for development. "none": no menu at all.
 * "app-and-edit" / "edit": macOS text fields only get Cmd+C/V/X/A from an Edit menu; a kiosk
 * gets that alone, without the app menu's Quit and Hide.
 */
export type MenuPlan = "default" | "none" | "app-and-edit" | "edit";

export function menuFor(mode: WindowMode, platform: NodeJS.Platform): MenuPlan {
  if (mode.kiosk) return platform === "darwin" ? "edit" : "none";
  if (!mode.packaged) return "default";
  return platform === "darwin" ? "app-and-edit" : "none";
}

/** The fields of Electron's before-input-event Input that the predicate reads. */
export interface KeyInput {
  key: string;
  control: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
}

/**
 * Keys a kiosk swallows: reload (F5, Ctrl/Cmd+R, with Shift too), full screen toggle (F11),
 * DevTools (F12, Ctrl/Cmd+Shift+I/J/C, Cmd+Alt+I), closing or quitting (Alt+F4, Ctrl/Cmd+W,
 * Cmd+Q), minimising and hiding (Cmd+M, Cmd+H). Ctrl and Cmd are treated alike on every
 * platform; editing keys (copy, paste, select all, undo) are left alone.
 */
export function isBlockedKioskKey(input: KeyInput): boolean {
  const key = input.key.length === 1 ? input.key.toLowerCase() : input.key;
  const accel = input.control || input.meta;
  if (key === "F5" || key === "F11" || key === "F12") return true;
  if (input.alt && key === "F4") return true;
  if (!accel) return false;
  if (key === "r" || key === "w" || key === "q" || key === "m" || key === "h") return true;
  if ((input.shift || input.alt) && (key === "i" || key === "j" || key === "c")) return true;
  return false;
}
