import { useLangState, useT } from "../stores";

/** Labelled in the language it switches to, so an agent who cannot read the current one finds it. */
export function LangToggle() {
  const t = useT();
  const toggle = useLangState((s) => s.toggle);
  return (
    <button
      type="button"
      className="header-toggle lang-toggle"
      data-testid="lang-toggle"
      lang={t("lang.switchToLang")}
      title={t("lang.switchLabel")}
      onClick={toggle}
    >
      {t("lang.switchTo")}
    </button>
  );
}
