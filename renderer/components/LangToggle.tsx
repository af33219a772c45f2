import { useLangState, useMessages } from "../stores";

/** Labelled in the language it switches to, so an agent who cannot read the current one finds it. */
export function LangToggle() {
  const m = useMessages();
  const toggle = useLangState((s) => s.toggle);
  return (
    <button
      type="button"
      className="lang-toggle"
      data-testid="lang-toggle"
      lang={m.lang.switchToLang}
      title={m.lang.switchLabel}
      onClick={toggle}
    >
      {m.lang.switchTo}
    </button>
  );
}
