import { PRACTICE_OTP, type PracticeScenario } from "../../app/settings";
import { hasText } from "../i18n";
import { useT } from "../stores";

interface Props {
  scenarios: PracticeScenario[];
  onPick: (tid: string) => void;
}

/** The simulator's scenario tids and its customer OTP; picking a tid fills the field but does not check it. */
export function PracticeTids({ scenarios, onPick }: Props) {
  const t = useT();
  return (
    <aside className="panel practice-panel" aria-labelledby="practice-tids-title">
      <h2 id="practice-tids-title" className="panel-title">
        {t("practice.listTitle")}
      </h2>
      <p className="practice-otp">
        {t("practiceRefund.otpLabel")}{" "}
        <strong className="mono" data-testid="practice-otp">
          {PRACTICE_OTP}
        </strong>
      </p>
      <p className="hint">{t("practice.listHint")}</p>
      <ul className="practice-tids" data-testid="practice-tids">
        {scenarios.map(({ tid, scenario }) => {
          const key = `practice.scenarios.${scenario}`;
          return (
            <li key={tid}>
              <button type="button" className="practice-tid" data-testid={`practice-tid-${tid}`} onClick={() => onPick(tid)}>
                <span className="mono">{tid}</span>
                {/* A scenario from a newer main than this renderer shows its id rather than nothing. */}
                <span className="practice-scenario">{hasText(key) ? t(key) : scenario}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </aside>
  );
}
