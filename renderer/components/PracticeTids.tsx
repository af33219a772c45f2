import type { PracticeScenario } from "../../app/settings";
import { useMessages } from "../stores";

interface Props {
  scenarios: PracticeScenario[];
  onPick(tid: string): void;
}

/** The simulator's scenario tids; picking one fills the field but does not send. */
export function PracticeTids({ scenarios, onPick }: Props) {
  const m = useMessages();
  return (
    <aside className="panel practice-panel" aria-labelledby="practice-tids-title">
      <h2 id="practice-tids-title" className="panel-title">
        {m.practice.listTitle}
      </h2>
      <p className="hint">{m.practice.listHint}</p>
      <ul className="practice-tids" data-testid="practice-tids">
        {scenarios.map(({ tid, scenario }) => (
          <li key={tid}>
            <button type="button" className="practice-tid" data-testid={`practice-tid-${tid}`} onClick={() => onPick(tid)}>
              <span className="mono">{tid}</span>
              <span className="practice-scenario">{m.practice.scenarios[scenario] ?? scenario}</span>
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}
