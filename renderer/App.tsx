import { useCallback, useEffect, useState } from "react";
import { ClockStatus } from "./components/ClockStatus";
import { Header, type Screen } from "./components/Header";
import { PracticeBanner } from "./components/PracticeBanner";
import { HistoryScreen } from "./screens/HistoryScreen";
import { RequestScreen } from "./screens/RequestScreen";
import { SettingsScreen } from "./screens/SettingsScreen";
import { useDisplay, useLang, useSettings, useStores, useT } from "./stores";

export function App() {
  const t = useT();
  const lang = useLang();
  const { desk } = useStores();
  const environment = useSettings((s) => s.view?.environment ?? null);
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
        <Header screen={screen} environment={environment} onNavigate={navigate} />
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
