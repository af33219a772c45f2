import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { markAction, type MarkedTask } from "./action-marks";
import { ClockStatus } from "./components/ClockStatus";
import { Header, type Screen } from "./components/Header";
import { PracticeBanner } from "./components/PracticeBanner";
import { useHeldCounterName, useHeldEnvironment } from "./held-space";
import { HistoryScreen, SettingsScreen } from "./lazy-parts";
import { PrintSheet } from "./print/PrintSheet";
import { RequestScreen } from "./screens/RequestScreen";
import { useDisplay, useLang, useRequest, useSettings, useStores, useT } from "./stores";

/** When the screen showing an action's answer is committed (benchmark marks only). */
function useAnswerCommitMark(): void {
  const running = useRequest((s) => s.running);
  const last = useRef<MarkedTask | null>(null);
  useLayoutEffect(() => {
    if (last.current && running === null) markAction(last.current, "commit");
    last.current = running;
  }, [running]);
}

export function App() {
  const t = useT();
  const lang = useLang();
  const { desk } = useStores();
  const environment = useSettings((s) => s.view?.environment ?? null);
  const heldEnvironment = useHeldEnvironment();
  const heldCounterName = useHeldCounterName();
  const largeText = useDisplay((s) => s.largeText);
  const kiosk = useDisplay((s) => s.kiosk);
  const [screen, setScreen] = useState<Screen>("request");
  const navigate = useCallback(
    (next: Screen) => {
      if (screen === "settings" && next !== "settings") void desk.getState().leaveSettings();
      setScreen(next);
    },
    [screen, desk],
  );
  const back = useCallback(() => navigate("request"), [navigate]);
  useAnswerCommitMark();

  // The document's language drives screen-reader voices and the Devanagari font choice.
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t("app.name");
  }, [lang, t]);

  // On the root element, so every rem (type, spacing, targets) follows.
  useEffect(() => {
    const root = document.documentElement.classList;
    root.toggle("large-text", largeText);
    root.toggle("kiosk", kiosk);
  }, [largeText, kiosk]);

  return (
    <div className="app" data-env={environment ?? undefined}>
      <header className="app-top">
        {environment === "practice" && <PracticeBanner />}
        {heldEnvironment === "practice" && (
          <div className="layout-reserve" aria-hidden="true">
            <PracticeBanner />
          </div>
        )}
        <Header screen={screen} environment={environment} onNavigate={navigate} held={{ environment: heldEnvironment, counterName: heldCounterName }} />
        <ClockStatus />
      </header>
      <main className="content">
        {screen === "request" && <RequestScreen />}
        {screen === "history" && <HistoryScreen />}
        {screen === "settings" && <SettingsScreen onBack={back} />}
      </main>
      <PrintSheet />
    </div>
  );
}
