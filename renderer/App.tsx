import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { markAction, type MarkedTask } from "./action-marks";
import { ClockStatus } from "./components/ClockStatus";
import { Header, type Screen } from "./components/Header";
import { PracticeBanner } from "./components/PracticeBanner";
import { useHeldCounterName, useHeldEnvironment } from "./held-space";
import { HistoryScreen, SettingsScreen } from "./lazy-parts";
import { RequestScreen } from "./screens/RequestScreen";
import { useDesk, useDisplay, useLang, useRequest, useSettings, useStores, useT } from "./stores";

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
  const { settings, request, desk, display } = useStores();
  const environment = useSettings((s) => s.view?.environment ?? null);
  const heldEnvironment = useHeldEnvironment();
  const heldCounterName = useHeldCounterName();
  const largeText = useDisplay((s) => s.largeText);
  const kiosk = useDisplay((s) => s.kiosk);
  const kioskPolicy = useDesk((s) => s.desk?.kioskMode ?? false);
  const [screen, setScreen] = useState<Screen>("request");
  const back = useCallback(() => setScreen("request"), []);
  useAnswerCommitMark();

  useEffect(() => {
    void settings.getState().load();
  }, [settings]);

  useEffect(() => {
    void desk.getState().load();
  }, [desk]);

  // A kiosk policy sizes the window for touch even when it was opened without ?kiosk=1.
  useEffect(() => {
    if (kioskPolicy) display.getState().enterKiosk();
  }, [kioskPolicy, display]);

  // Main keeps this run's answers: a reloaded or crashed window shows the last one again.
  useEffect(() => {
    void request.getState().restore();
  }, [request]);

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
        <Header screen={screen} environment={environment} onNavigate={setScreen} held={{ environment: heldEnvironment, counterName: heldCounterName }} />
        <ClockStatus />
      </header>
      <main className="content">
        {screen === "request" && <RequestScreen />}
        {screen === "history" && <HistoryScreen />}
        {screen === "settings" && <SettingsScreen onBack={back} />}
      </main>
    </div>
  );
}
