import type { PolicyProblem } from "../../app/policy";
import { useT } from "../stores";

/**
 * The counter locked down (the machine policy or the keychain's lock record cannot be used): in
 * place of the Refund screen, what happened, what to do, and the cause for IT to read out.
 */
export function LockedDown({ problem }: { problem: PolicyProblem }) {
  const t = useT();
  return (
    <section className="panel locked-down" data-testid="locked-down" role="alert" aria-labelledby="locked-down-title">
      <h2 id="locked-down-title" className="panel-title">
        {t("lockedDown.title")}
      </h2>
      <p className="intro">{t("lockedDown.intro")}</p>
      <div className="panel policy-problem" data-testid="locked-down-cause">
        <p>{t("lockedDown.cause", { path: problem.path })}</p>
        <ul className="mono">
          {problem.errors.map((e) => (
            <li key={`${e.field}:${e.reason}`}>{`${e.field}: ${e.reason}`}</li>
          ))}
        </ul>
      </div>
    </section>
  );
}
