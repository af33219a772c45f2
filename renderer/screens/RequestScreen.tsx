import { useCallback, useEffect, useRef } from "react";
import { ErrorPanel } from "../components/ErrorPanel";
import { OtpResult } from "../components/OtpResult";
import { PracticeTids } from "../components/PracticeTids";
import { TID_ERROR_ID, TidForm } from "../components/TidForm";
import { shownResult, type RequestPhase } from "../store/request-store";
import { useRequest, useSettings, useStores, useT } from "../stores";

export function RequestScreen() {
  const t = useT();
  const { request } = useStores();
  const phase = useRequest((s) => s.phase);
  const view = useSettings((s) => s.view);
  const loadError = useSettings((s) => (s.view ? null : s.error));
  const inputRef = useRef<HTMLInputElement>(null);
  const resultHeadingRef = useRef<HTMLHeadingElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const lastStatus = useRef<RequestPhase["status"]>(phase.status);

  useEffect(() => {
    inputRef.current?.focus();
  }, []);

  // When an answer arrives the agent's eyes go to it: the result's heading or the error panel.
  // A tid refused before sending keeps focus in the field, where it is fixed.
  useEffect(() => {
    const answered = lastStatus.current === "sending";
    lastStatus.current = phase.status;
    if (!answered) return;
    if (phase.status === "sent") resultHeadingRef.current?.focus();
    else if (phase.status === "failed") errorRef.current?.focus();
  }, [phase]);

  const newRequest = useCallback(() => {
    if (request.getState().reset()) inputRef.current?.focus();
  }, [request]);

  // A resend refused as too soon keeps its result under the error: that reference is still good.
  const shown = shownResult(phase);
  const practice = view?.environment === "practice" && view.practiceScenarios.length > 0;

  return (
    <div className={practice ? "request-layout with-aside" : "request-layout"}>
      <section className="request-main" aria-labelledby="request-title">
        <h1 id="request-title" className="screen-title">
          {t("request.title")}
        </h1>
        <p className="intro">{t("request.intro")}</p>
        {loadError && <ErrorPanel error={loadError} testId="settings-load-error" />}
        <TidForm inputRef={inputRef} />
        {phase.status === "failed" && (
          <ErrorPanel
            key={JSON.stringify(phase.error)}
            error={phase.error}
            ref={errorRef}
            messageId={TID_ERROR_ID}
            onNewRequest={shown ? undefined : newRequest}
          />
        )}
        {shown && (
          <OtpResult
            result={shown}
            resending={phase.status === "sending"}
            onResend={() => void request.getState().resend()}
            onNewRequest={newRequest}
            headingRef={resultHeadingRef}
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
