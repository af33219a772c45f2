import { useEffect, useRef } from "react";
import { AccessKeySection } from "../components/AccessKeySection";
import { DoctorReportView } from "../components/DoctorReportView";
import { ErrorPanel } from "../components/ErrorPanel";
import { SettingsForm } from "../components/SettingsForm";
import { useSettings, useStores, useT } from "../stores";

export function SettingsScreen({ onBack }: { onBack(): void }) {
  const t = useT();
  const { settings } = useStores();
  const view = useSettings((s) => s.view);
  const revision = useSettings((s) => s.revision);
  const error = useSettings((s) => s.error);
  const pending = useSettings((s) => s.pending);
  const report = useSettings((s) => s.report);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const checking = pending === "check";

  // Move focus to the screen's title so keyboard and screen-reader users land on the new screen.
  useEffect(() => {
    titleRef.current?.focus();
  }, []);

  // A refused save or a keychain failure is announced (role=alert) and takes focus: it sits at the
  // top of the screen, far from the button that caused it.
  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape" && !event.defaultPrevented) onBack();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [onBack]);

  return (
    <div className="settings-layout">
      <div className="screen-head">
        <h1 id="settings-title" className="screen-title" tabIndex={-1} ref={titleRef}>
          {t("settings.title")}
        </h1>
        <button type="button" className="button secondary" data-testid="settings-back" onClick={onBack} aria-keyshortcuts="Escape">
          {t("settings.back")}
          <kbd className="shortcut" aria-hidden="true">
            Esc
          </kbd>
        </button>
      </div>
      <p className="intro">{t("settings.intro")}</p>
      {error && <ErrorPanel key={JSON.stringify(error)} error={error} ref={errorRef} />}
      {view ? (
        <>
          <SettingsForm key={revision} view={view} />
          <AccessKeySection state={view.accessKey} />
        </>
      ) : pending === "load" ? (
        <p className="intro">{t("app.loading")}</p>
      ) : (
        <button type="button" className="button secondary" data-testid="reload-settings" onClick={() => void settings.getState().load()}>
          {t("settings.reload")}
        </button>
      )}
      <section className="panel" aria-labelledby="doctor-title">
        <h2 id="doctor-title" className="panel-title">
          {t("doctor.title")}
        </h2>
        <button
          type="button"
          className="button secondary"
          data-testid="check-connection"
          disabled={checking}
          aria-busy={checking}
          onClick={() => void settings.getState().checkConnection()}
        >
          {checking && <span className="spinner" aria-hidden="true" />}
          {checking ? t("doctor.running") : t("doctor.run")}
        </button>
        {report && <DoctorReportView report={report} />}
      </section>
    </div>
  );
}
