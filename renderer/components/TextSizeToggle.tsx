import { useDisplay, useStores, useT } from "../stores";

/** Larger type for agents who read from a distance or a kiosk panel; remembered on this machine. */
export function TextSizeToggle() {
  const t = useT();
  const { display } = useStores();
  const largeText = useDisplay((s) => s.largeText);
  return (
    <button
      type="button"
      className="header-toggle text-size-toggle"
      data-testid="large-text-toggle"
      aria-pressed={largeText}
      onClick={() => display.getState().toggleLargeText()}
    >
      <span aria-hidden="true" className="text-size-icon">
        A<span className="text-size-icon-big">A</span>
      </span>
      {t("display.largeText")}
    </button>
  );
}
