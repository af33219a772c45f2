import { useEffect, useRef, useState } from "react";
import type { RefundDeskError } from "../../app/errors";
import { formatTime } from "../../app/messages/format";
import { AccessKeySection } from "../components/AccessKeySection";
import { DeskNotices } from "../components/DeskNotices";
import { TokenPinSection } from "../components/TokenPinSection";
import { DoctorReportView } from "../components/DoctorReportView";
import { ErrorPanel } from "../components/ErrorPanel";
import { LockedSettings } from "../components/LockedSettings";
import { PinDialog } from "../components/PinDialog";
import { ReceiptSettings } from "../components/ReceiptSettings";
import { SettingsForm } from "../components/SettingsForm";
import { formReady } from "../store/settings-store";
import { useDesk, useLang, useSettings, useStores, useT } from "../stores";

export function SettingsScreen({ onBack }: { onBack: () => void }) {
  const t = useT();
  const lang = useLang();
  const { settings, desk: deskStore } = useStores();
  const view = useSettings((s) => s.view);
  const revision = useSettings((s) => s.revision);
  const ready = useSettings(formReady);
  const error = useSettings((s) => s.error);
  const pending = useSettings((s) => s.pending);
  const report = useSettings((s) => s.report);
  const desk = useDesk((s) => s.desk);
  const locked = useDesk((s) => s.locked);
  const lockedError = useDesk((s) => s.lockedError);
  const deskKnown = useDesk((s) => s.desk !== null || s.error !== null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const [unlocking, setUnlocking] = useState(false);
  const checking = pending === "check";
  const until = desk?.unlockedUntil ?? null;

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

  async function unlock(pin: string): Promise<RefundDeskError | null> {
    const refused = await deskStore.getState().unlock(pin);
    if (!refused) {
      setUnlocking(false);
      titleRef.current?.focus();
    }
    return refused;
  }

  async function lock() {
    await deskStore.getState().lock();
    titleRef.current?.focus();
  }

  return (
    <div className="settings-layout">
      <div className="screen-head">
        <h1 id="settings-title" className="screen-title" tabIndex={-1} ref={titleRef}>
          {t("settings.title")}
        </h1>
        <button
          type="button"
          className="button secondary"
          data-testid="settings-back"
          onClick={onBack}
          aria-keyshortcuts="Escape"
        >
          {t("settings.back")}
          <kbd className="shortcut" aria-hidden="true">
            Esc
          </kbd>
        </button>
      </div>
      <p className="intro">{t("settings.intro")}</p>
      {error && error.kind !== "settings-locked" && (
        <ErrorPanel key={JSON.stringify(error)} error={error} ref={errorRef} />
      )}
      {desk && <DeskNotices notices={desk.notices} />}
      {!deskKnown ? (
        <p className="intro">{t("app.loading")}</p>
      ) : locked ? (
        <LockedSettings
          environment={view?.environment ?? null}
          counterName={desk?.counterName ?? null}
          error={lockedError}
          problem={desk?.problem ?? null}
          onUnlock={() => setUnlocking(true)}
        />
      ) : (
        <>
          {until && (
            <div className="panel unlocked-panel" data-testid="settings-unlocked">
              <p>{t("settingsLock.open", { time: formatTime(until, lang) })}</p>
              <button
                type="button"
                className="button secondary"
                data-testid="lock-settings"
                onClick={() => void lock()}
              >
                {t("settingsLock.lock")}
              </button>
            </div>
          )}
          {view && ready ? (
            <>
              <SettingsForm key={revision} view={view} />
              <AccessKeySection state={view.accessKey} practice={view.environment === "practice"} />
              {view.signer === "pkcs11" && <TokenPinSection state={view.tokenPin} />}
              <ReceiptSettings key={`receipt-${revision}`} view={view} />
            </>
          ) : pending === "load" ? (
            <p className="intro">{t("app.loading")}</p>
          ) : (
            <button
              type="button"
              className="button secondary"
              data-testid="reload-settings"
              onClick={() => void settings.getState().load()}
            >
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
        </>
      )}
      {unlocking && <PinDialog purpose="unlock" onClose={() => setUnlocking(false)} onSubmit={unlock} />}
    </div>
  );
}
