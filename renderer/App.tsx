import { useCallback, useEffect, useState } from "react";
import { ClockStatus } from "./components/ClockStatus";
import { EnvStrip } from "./components/EnvStrip";
import { Header, type Screen } from "./components/Header";
import { HistoryScreen } from "./screens/HistoryScreen";
import { RequestScreen } from "./screens/RequestScreen";
import { SettingsScreen } from "./screens/SettingsScreen";
import { useDesk, useDisplay, useLang, useSettings, useStores, useT } from "./stores";

export function App() {
  const t = useT();
  const lang = useLang();
  const { settings, request, desk, display } = useStores();
  const environment = useSettings((s) => s.view?.environment ?? null);
  const largeText = useDisplay((s) => s.largeText);
  const kiosk = useDisplay((s) => s.kiosk);
  const kioskPolicy = useDesk((s) => s.desk?.kioskMode ?? false);
  const [screen, setScreen] = useState<Screen>("request");
  const back = useCallback(() => setScreen("request"), []);

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
      {environment && <EnvStrip environment={environment} />}
      <header className="app-top">
        <Header screen={screen} onNavigate={setScreen} />
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
