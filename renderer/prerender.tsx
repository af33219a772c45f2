/**
 * Run at build time (scripts/prerender.mjs): the Refund screen as a fresh install first shows it,
 * before main answers, as HTML for index.html's root, so the window paints it from HTML and CSS
 * before any script has run.
 */
import { renderToString } from "react-dom/server";
import { missingBridge } from "./bridge";
import { firstScreen } from "./first-screen";
import { FRESH_INSTALL } from "./first-frame-shape";
import { asFreshInstall, createWindowState } from "./start-up-state";

export function prerenderFirstScreen(): string {
  // No call is made while rendering: the stores are only read.
  const state = asFreshInstall(createWindowState(missingBridge(), FRESH_INSTALL));
  return renderToString(firstScreen(state, state));
}
