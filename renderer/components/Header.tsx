import type { Environment } from "../../app/settings";
import { useMessages } from "../stores";
import { EnvBadge } from "./EnvBadge";
import { LangToggle } from "./LangToggle";

export type Screen = "request" | "settings";

interface Props {
  screen: Screen;
  environment: Environment | null;
  onNavigate(screen: Screen): void;
}

export function Header({ screen, environment, onNavigate }: Props) {
  const m = useMessages();
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
    <header className="app-header">
      <div className="brand">
        <span className="product-name">{m.app.name}</span>
        {environment && <EnvBadge environment={environment} />}
      </div>
      <nav className="nav" aria-label={m.nav.label}>
        {navButton("request", m.nav.request)}
        {navButton("settings", m.nav.settings)}
      </nav>
      <LangToggle />
    </header>
  );
}
