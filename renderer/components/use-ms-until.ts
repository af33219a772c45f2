import { useEffect, useState } from "react";

/** Milliseconds from now until `deadline` (Date.now's clock), read a few times a second; 0 when none or past. */
export function useMsUntil(deadline: number | null): number {
  const [left, setLeft] = useState(() => (deadline === null ? 0 : Math.max(0, deadline - Date.now())));
  useEffect(() => {
    const tick = () => {
      const ms = deadline === null ? 0 : Math.max(0, deadline - Date.now());
      setLeft(ms);
      return ms;
    };
    if (tick() === 0) return;
    const timer = setInterval(() => {
      if (tick() === 0) clearInterval(timer);
    }, 250);
    return () => clearInterval(timer);
  }, [deadline]);
  return left;
}
