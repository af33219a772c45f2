import { useState } from "react";
import { useDesk, useStores, useT } from "../stores";
import { LangToggle } from "./LangToggle";
import { PinDialog } from "../lazy-parts";
import { TextSizeToggle } from "./TextSizeToggle";

export type Screen = "request" | "history" | "settings";

interface Props {
  screen: Screen;
  onNavigate: (screen: Screen) => void;
  /** What to hold the space of, invisible, until main answers (held-space.ts). */
  held?: { counterName: string | null };
}

/** One row: the product (and counter), the screens, the language and text size. */
export function Header({ screen, onNavigate, held }: Props) {
  const t = useT();
  const { desk } = useStores();
  const counterName = useDesk((s) => s.desk?.counterName ?? null);
  const kiosk = useDesk((s) => s.desk?.kioskMode ?? false);
  const [exiting, setExiting] = useState(false);

  const navButton = (target: Screen, label: string) => (
    <button
      type="button"
      className="nav-button"
      data-testid={`nav-${target}`}
      aria-current={screen === target ? "page" : undefined}
      onClick={() => onNavigate(target)}
    >
      {label}
    </button>
  );
  return (
    <div className="app-header">
      <div className="brand">
        <span className="product-name">{t("app.name")}</span>
        {counterName && (
          <span className="counter-name" data-testid="counter-name">
            {t("desk.counter", { name: counterName })}
          </span>
        )}
        {!counterName && held?.counterName && (
          <span className="counter-name layout-reserve" aria-hidden="true">
            {t("desk.counter", { name: held.counterName })}
          </span>
        )}
      </div>
      <nav className="nav" aria-label={t("nav.label")}>
        {navButton("request", t("nav.request"))}
        {navButton("history", t("nav.history"))}
        {navButton("settings", t("nav.settings"))}
      </nav>
      <div className="header-tools">
        <LangToggle />
        <TextSizeToggle />
        {kiosk && (
          <button
            type="button"
            className="header-toggle exit-kiosk"
            data-testid="exit-kiosk"
            onClick={() => setExiting(true)}
          >
            {t("desk.exitKiosk")}
          </button>
        )}
      </div>
      {exiting && (
        <PinDialog
          purpose="exit"
          onClose={() => setExiting(false)}
          onSubmit={async (pin) => {
            const refused = await desk.getState().exitKiosk(pin);
            // Main quits once it has answered; nothing is left to do here.
            if (!refused) setExiting(false);
            return refused;
          }}
        />
      )}
    </div>
  );
}
