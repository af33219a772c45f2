import { useCallback, useEffect, useState } from "react";
import { ClockStatus } from "./components/ClockStatus";
import { Header, type Screen } from "./components/Header";
import { PracticeBanner } from "./components/PracticeBanner";
import { RequestScreen } from "./screens/RequestScreen";
import { SettingsScreen } from "./screens/SettingsScreen";
import { useLang, useMessages, useSettings, useStores } from "./stores";

export function App() {
  const m = useMessages();
  const lang = useLang();
  const { settings, request } = useStores();
  const environment = useSettings((s) => s.view?.environment ?? null);
  const [screen, setScreen] = useState<Screen>("request");
  const back = useCallback(() => setScreen("request"), []);

  useEffect(() => {
    void settings.getState().load();
  }, [settings]);

  // Main keeps this run's answers: a reloaded or crashed window shows the last one again.
  useEffect(() => {
    void request.getState().restore();
  }, [request]);

  // The document's language drives screen-reader voices and the Devanagari font choice.
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = m.app.name;
  }, [lang, m]);

  return (
    <div className="app">
      {environment === "practice" && <PracticeBanner />}
      <Header screen={screen} environment={environment} onNavigate={setScreen} />
      <ClockStatus />
      <main className="content">{screen === "request" ? <RequestScreen /> : <SettingsScreen onBack={back} />}</main>
    </div>
  );
}
