import { ariaShortcut, shortcutLabel, useAltShortcut } from "../shortcuts";
import { useT } from "../stores";

/** Clears the screen for the next customer (also Alt+N); the tid field takes focus. */
export function NewRequestButton({ onNewRequest, disabled = false }: { onNewRequest: () => void; disabled?: boolean }) {
  const t = useT();
  useAltShortcut("N", onNewRequest, !disabled);
  return (
    <span className="new-request">
      <button
        type="button"
        className="button secondary"
        data-testid="new-request"
        aria-keyshortcuts={ariaShortcut("N")}
        disabled={disabled}
        onClick={onNewRequest}
      >
        {t("request.newRequest")}
        <kbd className="shortcut" aria-hidden="true">
          {shortcutLabel("N")}
        </kbd>
      </button>
    </span>
  );
}
