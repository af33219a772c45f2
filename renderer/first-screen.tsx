/**
 * The window's screen, as the build prerenders it into index.html and as the page hydrates it.
 * The hydrating render must be the prerendered one exactly, so it reads a fresh install's state
 * (React's server snapshot); the window's own (its language, text size, header hint) follows at
 * once, as a second render.
 */
import { StrictMode, useLayoutEffect, useSyncExternalStore, type ReactElement } from "react";
import { App } from "./App";
import { FirstFrame } from "./held-space";
import { FIRST_FRAME_ATTRIBUTE } from "./first-frame-shape";
import type { WindowState } from "./start-up-state";
import { StoresProvider } from "./stores";

const unchanging = () => () => undefined;

function FirstScreen({ prerendered, own }: { prerendered: WindowState; own: WindowState }) {
  const shown = useSyncExternalStore(
    unchanging,
    () => own,
    () => prerendered,
  );
  useLayoutEffect(() => {
    if (shown === own) document.documentElement.removeAttribute(FIRST_FRAME_ATTRIBUTE);
  }, [shown, own]);
  return (
    <StoresProvider value={shown.stores}>
      <FirstFrame.Provider value={shown.hint}>
        <App />
      </FirstFrame.Provider>
    </StoresProvider>
  );
}

/** The element the page renders (or hydrates) and the build prerenders, with `own` as `prerendered`. */
export function firstScreen(prerendered: WindowState, own: WindowState): ReactElement {
  return (
    <StrictMode>
      <FirstScreen prerendered={prerendered} own={own} />
    </StrictMode>
  );
}
