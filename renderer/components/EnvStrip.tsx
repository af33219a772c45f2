import type { Environment } from "../../app/settings";
import { useDesk, useT } from "../stores";

/**
 * Which server requests go to, in its colour and in words, on every screen: a slim strip that
 * stays at the top while the page scrolls, so the OTP and refund steps say Practice or Production too.
 * In the browser demo (`npm run demo`, whose host marks the desk view) it also says that this is a demo.
 */
export function EnvStrip({ environment }: { environment: Environment }) {
  const t = useT();
  const demo = useDesk((s) => s.desk?.demo === true);
  return (
    // A named region: every part of the page sits in a landmark, and this one says where requests go.
    <section
      className={`env-strip env-${environment}`}
      aria-label={t("env.stripLabel")}
      data-testid="env-badge"
      data-env={environment}
    >
      {environment === "practice" ? (
        <>
          <strong data-testid="practice-banner">{t("practice.banner")}</strong>
          <span className="env-strip-detail">{t("practice.bannerDetail")}</span>
          {demo && (
            <span className="demo-banner" data-testid="demo-banner">
              {t("practice.demo")}
            </span>
          )}
        </>
      ) : (
        <strong>{t(`env.strip.${environment}`)}</strong>
      )}
    </section>
  );
}
