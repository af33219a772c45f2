import { useEffect, useRef, useState } from "react";
import { DEFAULT_SETTINGS } from "../../app/settings";
import { createIdleClear } from "../store/idle-clear";
import { useSettings, useStores, useT } from "../stores";

/** How often the idle rule is asked; the clear happens within this much of the idle time. */
const CHECK_EVERY_MS = 1_000;
const INPUT_EVENTS = ["keydown", "pointerdown", "input", "wheel"] as const;

/**
 * Forgets the customer after the idle time (store/idle-clear.ts holds the rule). Says so once,
 * until the next input, so the next agent knows why the screen is empty.
 */
export function IdleClear({ onCleared }: { onCleared: () => void }) {
  const t = useT();
  const { request, findMobile } = useStores();
  const minutes = useSettings((s) => (s.view ?? DEFAULT_SETTINGS).idleClearMinutes);
  const minutesRef = useRef(minutes);
  const onClearedRef = useRef(onCleared);
  const [cleared, setCleared] = useState(false);

  // The timer below reads the newest idle time and callback without being set up again.
  useEffect(() => {
    minutesRef.current = minutes;
    onClearedRef.current = onCleared;
  }, [minutes, onCleared]);

  useEffect(() => {
    const idle = createIdleClear({ request, findMobile, idleMs: () => minutesRef.current * 60_000, now: Date.now });
    const touch = () => {
      idle.touch();
      setCleared(false);
    };
    for (const name of INPUT_EVENTS) window.addEventListener(name, touch, { capture: true, passive: true });
    const timer = window.setInterval(() => {
      if (idle.check()) {
        setCleared(true);
        onClearedRef.current();
      }
    }, CHECK_EVERY_MS);
    return () => {
      for (const name of INPUT_EVENTS) window.removeEventListener(name, touch, { capture: true });
      window.clearInterval(timer);
    };
  }, [request, findMobile]);

  return (
    <p
      role="status"
      className={cleared ? "hint idle-cleared" : "visually-hidden"}
      data-testid="idle-cleared"
      data-cleared={cleared}
    >
      {cleared ? t("idle.cleared", { minutes }) : ""}
    </p>
  );
}
