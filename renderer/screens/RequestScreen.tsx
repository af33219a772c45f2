import { useCallback, useEffect, useRef } from "react";
import { ErrorPanel } from "../components/ErrorPanel";
import { FailureSmsOtpChoice } from "../components/FailureSmsOtpChoice";
import { FindByMobile } from "../components/FindByMobile";
import { IdleClear } from "../components/IdleClear";
import { NewRequestButton } from "../components/NewRequestButton";
import { PracticeTids } from "../components/PracticeTids";
import { FailureActions, OtpResult, Receipt, TransactionPanel } from "../lazy-parts";
import { OTP_ERROR_ID, RefundForm } from "../components/RefundForm";
import { TID_ERROR_ID, TidForm } from "../components/TidForm";
import type { Failure, RequestState } from "../store/request-store";
import { useHoldPracticeSpace } from "../held-space";
import { useRequest, useSettings, useStores, useT } from "../stores";

/** Errors about the OTP the agent typed: the field is where they are fixed. */
function isOtpFailure(failure: Failure | null): boolean {
  return failure?.task === "refund" && (failure.error.kind === "wrong-otp" || failure.error.kind === "invalid-input");
}

/**
 * Errors after which this OTP cannot refund: only a new OTP (expired, or the failure SMS's OTP
 * refused), or nothing (no balance).
 */
const REFUND_STOPPED: ReadonlySet<string> = new Set(["otp-expired", "insufficient-balance", "otp-ref-needed"]);

function refundOpen(s: RequestState): boolean {
  if ((!s.otpSent && !s.failureSmsOtp) || s.receipt || s.unsettled) return false;
  if (s.transaction && s.transaction.state !== "refund-pending") return false;
  return !(s.failure && REFUND_STOPPED.has(s.failure.error.kind));
}

/** The counter flow: check the transaction, send the OTP to the customer, refund, print the receipt. */
export function RequestScreen() {
  const t = useT();
  const { request } = useStores();
  const tid = useRequest((s) => s.tid);
  const transaction = useRequest((s) => s.transaction);
  const otpSent = useRequest((s) => s.otpSent);
  const receipt = useRequest((s) => s.receipt);
  const failure = useRequest((s) => s.failure);
  const running = useRequest((s) => s.running);
  const showRefund = useRequest(refundOpen);
  const failureSmsOtp = useRequest((s) => s.failureSmsOtp);
  const unsettled = useRequest((s) => s.unsettled);
  const view = useSettings((s) => s.view);
  const loadError = useSettings((s) => (s.view ? null : s.error));
  const inputRef = useRef<HTMLInputElement>(null);
  const otpInputRef = useRef<HTMLInputElement>(null);
  const transactionHeadingRef = useRef<HTMLHeadingElement>(null);
  const resultHeadingRef = useRef<HTMLHeadingElement>(null);
  const receiptHeadingRef = useRef<HTMLHeadingElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const lastRunning = useRef(running);

  useEffect(() => {
    inputRef.current?.focus();
  }, []);

  // When an answer arrives the agent's eyes go to it: the new panel's heading or the error. An
  // OTP refused (wrong, or badly typed) sends focus back to the emptied field to type it again;
  // a tid refused before any call keeps focus in its field.
  useEffect(() => {
    const answered = lastRunning.current;
    lastRunning.current = running;
    if (isOtpFailure(failure)) otpInputRef.current?.focus();
    if (!answered || running) return;
    if (failure) {
      if (!isOtpFailure(failure)) errorRef.current?.focus();
    } else if (receipt) receiptHeadingRef.current?.focus();
    else if (answered === "send-otp") resultHeadingRef.current?.focus();
    else transactionHeadingRef.current?.focus();
  }, [running, failure, receipt]);

  // Choosing the OTP from the failure SMS opens the field the agent types it in.
  useEffect(() => {
    if (failureSmsOtp) otpInputRef.current?.focus();
  }, [failureSmsOtp]);

  const newRequest = useCallback(() => {
    if (request.getState().reset()) inputRef.current?.focus();
  }, [request]);

  const practice = view?.environment === "practice" && view.practiceScenarios.length > 0;
  const holdAside = useHoldPracticeSpace();
  const canSendOtp = transaction?.state === "refund-pending" && !otpSent && !receipt;
  // Not again once Eko refused it (or the refund cannot go on), nor while a lost answer is unsettled.
  const stopped = failure !== null && REFUND_STOPPED.has(failure.error.kind);
  const offerFailureSms = canSendOtp && !failureSmsOtp && !unsettled && !stopped;
  const messageId = failure?.task === "check" ? TID_ERROR_ID : isOtpFailure(failure) ? OTP_ERROR_ID : undefined;

  return (
    <div className={practice || holdAside ? "request-layout with-aside" : "request-layout"}>
      <section className="request-main" aria-labelledby="request-title">
        <h1 id="request-title" className="screen-title">
          {t("request.title")}
        </h1>
        <p className="intro">{t("request.intro")}</p>
        {loadError && <ErrorPanel error={loadError} testId="settings-load-error" />}
        <TidForm inputRef={inputRef} />
        <IdleClear onCleared={() => inputRef.current?.focus()} />
        {!receipt && !transaction && running === null && <FindByMobile onChosen={() => inputRef.current?.focus()} />}
        {transaction && <TransactionPanel tx={transaction} canSendOtp={canSendOtp} headingRef={transactionHeadingRef} />}
        {offerFailureSms && <FailureSmsOtpChoice />}
        {otpSent && !receipt && <OtpResult result={otpSent} headingRef={resultHeadingRef} />}
        {showRefund && <RefundForm amount={transaction?.amount ?? null} inputRef={otpInputRef} otpInvalid={isOtpFailure(failure)} />}
        {failure && (
          <ErrorPanel key={JSON.stringify(failure)} error={failure.error} ref={errorRef} messageId={messageId}>
            <FailureActions error={failure.error} />
          </ErrorPanel>
        )}
        {receipt && <Receipt receipt={receipt} onNewRequest={newRequest} headingRef={receiptHeadingRef} />}
        {!receipt && (tid !== null || failure !== null) && (
          <NewRequestButton onNewRequest={newRequest} disabled={running !== null} />
        )}
      </section>
      {holdAside && <aside className="layout-reserve" aria-hidden="true" />}
      {practice && (
        <PracticeTids
          scenarios={view.practiceScenarios}
          onPick={(picked) => {
            request.getState().setTidInput(picked);
            inputRef.current?.focus();
          }}
        />
      )}
    </div>
  );
}
