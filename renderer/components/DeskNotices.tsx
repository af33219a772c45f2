import type { DeskNotice } from "../../app/policy";
import { useT } from "../stores";

/**
 * What the policy in force asks IT to look at without stopping the counter (app/policy.ts
 * DeskNotice): a lock record in doubt, or a lock that only provisioning set. Doctor says the same.
 */
export function DeskNotices({ notices }: { notices: readonly DeskNotice[] }) {
  const t = useT();
  if (notices.length === 0) return null;
  return (
    <div className="panel policy-problem" data-testid="desk-notices" role="note">
      <p>{t("deskNotices.title")}</p>
      <ul>
        {notices.map((notice) => (
          <li key={notice} data-notice={notice}>
            {t(`deskNotices.${notice}`)}
          </li>
        ))}
      </ul>
    </div>
  );
}
