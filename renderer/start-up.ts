/**
 * What the window does once, before the first screen renders: read the settings, the desk and
 * this run's answers from main, and tie the stores' reactions together. Screens only render.
 */
import { relockWhenUnlockEnds } from "./store/desk-store";
import { followDeskLock } from "./store/settings-store";
import type { Stores } from "./stores";

export function startUp(stores: Stores): void {
  const { settings, desk, display, request } = stores;
  // A kiosk policy sizes the window for touch even when it was opened without ?kiosk=1.
  desk.subscribe((state) => {
    if (state.desk?.kioskMode) display.getState().enterKiosk();
  });
  relockWhenUnlockEnds(desk);
  followDeskLock(settings, desk);
  void settings.getState().load();
  void desk.getState().load();
  // Main keeps this run's answers: a reloaded or crashed window shows the last one again.
  void request.getState().restore();
}
