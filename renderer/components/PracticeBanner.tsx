import { useMessages } from "../stores";

/** Shown above every screen in Practice so nobody mistakes the simulator for Eko. */
export function PracticeBanner() {
  const m = useMessages();
  return (
    <div className="practice-banner" role="note" data-testid="practice-banner">
      <strong>{m.practice.banner}</strong>
      <span className="practice-banner-detail">{m.practice.bannerDetail}</span>
    </div>
  );
}
