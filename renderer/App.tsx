import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { markAction, type MarkedTask } from "./action-marks";
import { ClockStatus } from "./components/ClockStatus";
import { EnvStrip } from "./components/EnvStrip";
import { Header, type Screen } from "./components/Header";
import { LockedDown } from "./components/LockedDown";
import { useHeldCounterName, useHeldEnvironment } from "./held-space";
import { HistoryScreen, PrintSheet, SettingsScreen } from "./lazy-parts";
import { RequestScreen } from "./screens/RequestScreen";
import { useDesk, useDisplay, useLang, usePrint, useRequest, useSettings, useStores, useT } from "./stores";
import { runningOf } from "./store/request-phase";

/** When the screen showing an action's answer is committed (benchmark marks only). */
function useAnswerCommitMark(): void {
  const running = useRequest(runningOf);
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
  const printing = usePrint((s) => s.jobId > 0);
  const lockdown = useDesk((s) => s.desk?.problem ?? null);
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
      {environment && <EnvStrip environment={environment} />}
      {!environment && heldEnvironment && (
        <div className="layout-reserve" aria-hidden="true">
          <EnvStrip environment={heldEnvironment} />
        </div>
      )}
      <header className="app-top">
        <Header screen={screen} onNavigate={navigate} held={{ counterName: heldCounterName }} />
        <ClockStatus />
      </header>
      <main className="content">
        {screen === "request" && (lockdown ? <LockedDown problem={lockdown} /> : <RequestScreen />)}
        {screen === "history" && <HistoryScreen />}
        {screen === "settings" && <SettingsScreen onBack={back} />}
      </main>
      {/* Its chunk comes with the first print job (or when the window is idle). */}
      {printing && <PrintSheet />}
    </div>
  );
}
