import { useEffect, useState } from "react";
import { useRequest, useStores } from "../stores";
import { resendReadyAtOf } from "../store/request-phase";

/** Milliseconds until the OTP may be sent again, read from the store's clock a few times a second while waiting. */
export function useResendWaitMs(): number {
  const { request } = useStores();
  const readyAt = useRequest(resendReadyAtOf);
  const [wait, setWait] = useState(() => request.getState().resendWaitMs());
  useEffect(() => {
    const tick = () => {
      const left = request.getState().resendWaitMs();
      setWait(left);
      return left;
    };
    if (tick() === 0) return;
    const timer = setInterval(() => {
      if (tick() === 0) clearInterval(timer);
    }, 250);
    return () => clearInterval(timer);
  }, [request, readyAt]);
  return wait;
}
