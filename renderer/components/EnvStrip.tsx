import type { Environment } from "../../app/settings";
import { useT } from "../stores";

/**
 * Which server requests go to, in its colour and in words, on every screen: a slim strip that
 * stays at the top while the page scrolls, so the OTP and refund steps say Practice or Production too.
 */
export function EnvStrip({ environment }: { environment: Environment }) {
  const t = useT();
  return (
    <div className={`env-strip env-${environment}`} role="note" data-testid="env-badge" data-env={environment}>
      {environment === "practice" ? (
        <>
          <strong data-testid="practice-banner">{t("practice.banner")}</strong>
          <span className="env-strip-detail">{t("practice.bannerDetail")}</span>
        </>
      ) : (
        <strong>{t(`env.strip.${environment}`)}</strong>
      )}
    </div>
  );
}
