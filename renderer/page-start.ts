/**
 * The page's one module script. A window showing the prerendered screen paints it first and only
 * then evaluates the app: React and the stores are some 50 ms of script here, which would run
 * before the first paint (index.html preloads the modules, so they are fetched and compiled
 * meanwhile). A window whose screen the gate keeps hidden (first-frame-gate.ts) starts at once:
 * nothing shows until React has rendered its own.
 */
import { FIRST_FRAME_ATTRIBUTE } from "./first-frame-attribute";

let started = false;
function start(): void {
  if (started) return;
  started = true;
  import("./main").catch((error: unknown) => console.error("refund-desk: the app did not load", error));
}

if (document.documentElement.hasAttribute(FIRST_FRAME_ATTRIBUTE)) start();
else {
  requestAnimationFrame(() => setTimeout(start, 0));
  // A window that is never painted gets no animation frame; it still starts.
  setTimeout(start, 250);
}
