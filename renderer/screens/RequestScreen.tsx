import { useEffect, useRef } from "react";
import { ErrorPanel } from "../components/ErrorPanel";
import { OtpResult } from "../components/OtpResult";
import { PracticeTids } from "../components/PracticeTids";
import { TidForm } from "../components/TidForm";
import { shownResult } from "../store/request-store";
import { useMessages, useRequest, useSettings, useStores } from "../stores";

export function RequestScreen() {
  const m = useMessages();
  const { request } = useStores();
  const phase = useRequest((s) => s.phase);
  const view = useSettings((s) => s.view);
  const loadError = useSettings((s) => (s.view ? null : s.error));
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    inputRef.current?.focus();
  }, []);

  // A resend refused as too soon keeps its result under the error: that reference is still good.
  const shown = shownResult(phase);
  const practice = view?.environment === "practice" && view.practiceScenarios.length > 0;

  return (
    <div className={practice ? "request-layout with-aside" : "request-layout"}>
      <section className="request-main" aria-labelledby="request-title">
        <h1 id="request-title" className="screen-title">
          {m.request.title}
        </h1>
        <p className="intro">{m.request.intro}</p>
        {loadError && <ErrorPanel error={loadError} testId="settings-load-error" />}
        <TidForm inputRef={inputRef} />
        {phase.status === "failed" && <ErrorPanel key={JSON.stringify(phase.error)} error={phase.error} />}
        {shown && (
          <OtpResult
            result={shown}
            resending={phase.status === "sending"}
            onResend={() => void request.getState().resend()}
          />
        )}
      </section>
      {practice && (
        <PracticeTids
          scenarios={view.practiceScenarios}
          onPick={(tid) => {
            request.getState().setTidInput(tid);
            inputRef.current?.focus();
          }}
        />
      )}
    </div>
  );
}
