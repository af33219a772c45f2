import type { Environment } from "../../app/settings";
import { useT } from "../stores";
import { EnvBadge } from "./EnvBadge";
import { LangToggle } from "./LangToggle";
import { TextSizeToggle } from "./TextSizeToggle";

export type Screen = "request" | "settings";

interface Props {
  screen: Screen;
  environment: Environment | null;
  onNavigate(screen: Screen): void;
}

export function Header({ screen, environment, onNavigate }: Props) {
  const t = useT();
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
        {environment && <EnvBadge environment={environment} />}
      </div>
      <nav className="nav" aria-label={t("nav.label")}>
        {navButton("request", t("nav.request"))}
        {navButton("settings", t("nav.settings"))}
      </nav>
      <div className="header-tools">
        <LangToggle />
        <TextSizeToggle />
      </div>
    </div>
  );
}
