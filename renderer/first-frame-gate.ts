/**
 * index.html's one blocking script, run before the page paints: a window whose first screen is
 * not the prerendered one (another language, large text, a remembered header…) keeps the
 * prerendered screen hidden until it has rendered its own (first-screen.tsx), so nothing flashes
 * or moves. A file of its own, since the Content-Security-Policy allows no inline script.
 */
import { FIRST_FRAME_ATTRIBUTE, startsAsPrerendered } from "./first-frame-shape";
import { storageOrNull } from "./web-storage";

const remembered = { local: storageOrNull("localStorage"), session: null, search: window.location.search };
if (!startsAsPrerendered(remembered)) document.documentElement.setAttribute(FIRST_FRAME_ATTRIBUTE, "hidden");
