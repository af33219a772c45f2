import { useT } from "../stores";

/** Shown above every screen in Practice so nobody mistakes the simulator for Eko. */
export function PracticeBanner() {
  const t = useT();
  return (
    <div className="practice-banner" role="note" data-testid="practice-banner">
      <strong>{t("practice.banner")}</strong>
      <span className="practice-banner-detail">{t("practice.bannerDetail")}</span>
    </div>
  );
}
