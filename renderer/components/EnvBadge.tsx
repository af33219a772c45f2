import type { Environment } from "../../app/settings";
import { useT } from "../stores";

/** Which server requests go to; Production is loud on purpose. */
export function EnvBadge({ environment }: { environment: Environment }) {
  const t = useT();
  return (
    <span className={`env-badge env-${environment}`} data-testid="env-badge" data-env={environment}>
      {t(`env.badge.${environment}`)}
    </span>
  );
}
