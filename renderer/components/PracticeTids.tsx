import { PRACTICE_OTP, type PracticeScenario } from "../../app/settings";
import { hasText } from "../i18n";
import { useDisplay, useStores, useT } from "../stores";

interface Props {
  scenarios: PracticeScenario[];
  onPick: (tid: string) => void;
}

/**
 * The simulator's scenario tids and its customer OTP, in a side panel beside the flow that folds
 * away (remembered on this machine); picking a tid fills the field but does not check it.
 */
export function PracticeTids({ scenarios, onPick }: Props) {
  const t = useT();
  const { display } = useStores();
  const folded = useDisplay((s) => s.practiceFolded);
  return (
    <aside
      className={folded ? "panel practice-panel folded" : "panel practice-panel"}
      aria-labelledby="practice-tids-title"
      data-testid="practice-panel"
    >
      <h2 id="practice-tids-title" className="practice-title">
        <button
          type="button"
          className="practice-toggle"
          data-testid="practice-toggle"
          aria-expanded={!folded}
          aria-controls="practice-tids-body"
          onClick={() => display.getState().togglePracticeFolded()}
        >
          <span className="practice-toggle-icon" aria-hidden="true">
            {folded ? "◂" : "▸"}
          </span>
          {t("practice.listTitle")}
        </button>
      </h2>
      <div id="practice-tids-body" className="practice-body" hidden={folded}>
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
                <button
                  type="button"
                  className="practice-tid"
                  data-testid={`practice-tid-${tid}`}
                  onClick={() => onPick(tid)}
                >
                  <span className="mono">{tid}</span>
                  {/* A scenario from a newer main than this renderer shows its id rather than nothing. */}
                  <span className="practice-scenario">{hasText(key) ? t(key) : scenario}</span>
                </button>
              </li>
            );
          })}
        </ul>
      </div>
    </aside>
  );
}
