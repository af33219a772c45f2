import { useCallback, useEffect, useState } from "react";
import { Header, type Screen } from "./components/Header";
import { PracticeBanner } from "./components/PracticeBanner";
import { RequestScreen } from "./screens/RequestScreen";
import { SettingsScreen } from "./screens/SettingsScreen";
import { useLang, useMessages, useSettings, useStores } from "./stores";

export function App() {
  const m = useMessages();
  const lang = useLang();
  const { settings } = useStores();
  const environment = useSettings((s) => s.view?.environment ?? null);
  const [screen, setScreen] = useState<Screen>("request");
  const back = useCallback(() => setScreen("request"), []);

  useEffect(() => {
    void settings.getState().load();
  }, [settings]);

  // The document's language drives screen-reader voices and the Devanagari font choice.
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = m.app.name;
  }, [lang, m]);

  return (
    <div className="app">
      {environment === "practice" && <PracticeBanner />}
      <Header screen={screen} environment={environment} onNavigate={setScreen} />
      <main className="content">{screen === "request" ? <RequestScreen /> : <SettingsScreen onBack={back} />}</main>
    </div>
  );
}
