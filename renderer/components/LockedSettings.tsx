import type { RefundDeskError } from "../../app/errors";
import type { PolicyProblem } from "../../app/policy";
import type { Environment } from "../../app/settings";
import { useT } from "../stores";
import { ErrorPanel } from "./ErrorPanel";

interface Props {
  environment: Environment | null;
  counterName: string | null;
  /** Why the settings were locked again under the admin's hands (a save after the unlock ran out). */
  error: RefundDeskError | null;
  /** A machine policy that is there but cannot be used: why the settings are locked, for the admin. */
  problem: PolicyProblem | null;
  onUnlock: () => void;
}

/** Locked settings as an agent sees them: where requests go and which counter this is, nothing of the account. */
export function LockedSettings({ environment, counterName, error, problem, onUnlock }: Props) {
  const t = useT();
  return (
    <section className="panel locked-settings" data-testid="settings-locked" aria-labelledby="settings-locked-title">
      <h2 id="settings-locked-title" className="panel-title">
        {t("settingsLock.title")}
      </h2>
      {error && <ErrorPanel error={error} testId="settings-locked-error" />}
      <p className="intro">{t("settingsLock.intro")}</p>
      {problem && (
        <div className="panel policy-problem" data-testid="policy-problem">
          <p>{t("settingsLock.policyProblem", { path: problem.path })}</p>
          <ul className="mono">
            {problem.errors.map((e) => (
              <li key={`${e.field}:${e.reason}`}>{`${e.field}: ${e.reason}`}</li>
            ))}
          </ul>
        </div>
      )}
      <dl className="locked-facts">
        <div>
          <dt>{t("settings.environment")}</dt>
          <dd data-testid="locked-environment">
            {environment ? t(`env.option.${environment}`) : t("settingsLock.noCounter")}
          </dd>
        </div>
        <div>
          <dt>{t("settingsLock.counter")}</dt>
          <dd data-testid="locked-counter">{counterName ?? t("settingsLock.noCounter")}</dd>
        </div>
      </dl>
      <button type="button" className="button primary" data-testid="unlock-settings" onClick={onUnlock}>
        {t("settingsLock.unlock")}
      </button>
    </section>
  );
}
