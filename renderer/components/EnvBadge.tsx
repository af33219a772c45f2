import type { Environment } from "../../app/settings";
import { useMessages } from "../stores";

/** Which server requests go to; Production is loud on purpose. */
export function EnvBadge({ environment }: { environment: Environment }) {
  const m = useMessages();
  return (
    <span className={`env-badge env-${environment}`} data-testid="env-badge" data-env={environment}>
      {m.env.badge[environment]}
    </span>
  );
}
