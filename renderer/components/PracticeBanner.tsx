import { useDesk, useT } from "../stores";

/**
 * Shown above every screen in Practice so nobody mistakes the simulator for Eko; in the browser
 * demo (`npm run demo`, whose host marks the desk view) it also says that this is a demo.
 */
export function PracticeBanner() {
  const t = useT();
  const demo = useDesk((s) => s.desk?.demo === true);
  return (
    <div className="practice-banner" role="note" data-testid="practice-banner">
      <strong>{t("practice.banner")}</strong>
      <span className="practice-banner-detail">{t("practice.bannerDetail")}</span>
      {demo && (
        <span className="demo-banner" data-testid="demo-banner">
          {t("practice.demo")}
        </span>
      )}
    </div>
  );
}
