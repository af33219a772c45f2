import { hydrateRoot } from "react-dom/client";
import { LANGS } from "../app/messages/catalogues";
import { enableActionMarks } from "./action-marks";
import { bridge } from "./bridge";
import { rememberFirstFrame } from "./environment-hint";
import { firstScreen } from "./first-screen";
import { hasLanguage, loadLanguage } from "./i18n";
import { ANSWER_PARTS, LATER_PARTS, type LazyPartList } from "./lazy-parts";
import { startUp } from "./start-up";
import { asFreshInstall, createWindowState } from "./start-up-state";
import { storageOrNull } from "./web-storage";

function preload(parts: LazyPartList): void {
  for (const part of parts) part.preload().catch(() => undefined);
}

/**
 * After the first frame: the Refund screen's answer panels at once (so the focus an answer moves
 * lands on them), then, when nothing else runs, the other screens and the other language.
 */
function prefetchAfterFirstFrame(): void {
  requestAnimationFrame(() => setTimeout(() => preload(ANSWER_PARTS), 0));
  const later = () => {
    preload(LATER_PARTS);
    for (const lang of LANGS) loadLanguage(lang).catch(() => undefined);
  };
  if ("requestIdleCallback" in window) window.requestIdleCallback(later, { timeout: 2_000 });
  else setTimeout(later, 500);
}

const search = new URLSearchParams(window.location.search);
// The benchmark opens the page with ?bench=1 to read the renderer's own time per action.
enableActionMarks(search.get("bench") === "1");

const storage = storageOrNull("localStorage");
const own = createWindowState(
  bridge(),
  { local: storage, session: storageOrNull("sessionStorage"), search: window.location.search },
  { has: hasLanguage, load: loadLanguage },
);
const { stores } = own;

// The next start holds the space of this header and screen before main answers.
const seen = { ...own.hint };
function remember(): void {
  const environment = stores.settings.getState().view?.environment ?? seen.environment;
  const desk = stores.desk.getState().desk;
  const counterName = desk ? desk.counterName : seen.counterName;
  if (environment === seen.environment && counterName === seen.counterName) return;
  Object.assign(seen, { environment, counterName });
  rememberFirstFrame(storage, seen);
}
stores.settings.subscribe(remember);
stores.desk.subscribe(remember);
startUp(stores);

async function start(root: HTMLElement): Promise<void> {
  // A window last used in Hindi waits for its text (one local file) rather than flash English.
  const lang = stores.lang.getState().lang;
  if (!hasLanguage(lang)) await loadLanguage(lang).catch(() => stores.lang.getState().setLang("en"));
  // The build prerenders the first screen into the root (scripts/prerender.mjs): React takes it
  // over where it stands. A mismatch is a bug: the console error fails the e2e run.
  hydrateRoot(root, firstScreen(asFreshInstall(own), own), {
    onRecoverableError: (error) => console.error("refund-desk: the prerendered screen did not match", error),
  });
  prefetchAfterFirstFrame();
}

const root = document.getElementById("root");
if (root) void start(root);
