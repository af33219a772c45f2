import { useCallback, useEffect, useLayoutEffect, useRef, type RefObject } from "react";
import { ErrorPanel } from "../components/ErrorPanel";
import { hasFailureAction } from "../components/failure-action";
import { IdleClear } from "../components/IdleClear";
import { OTP_ERROR_ID, VERDICT_ID } from "../components/flow-ids";
import { NewRequestButton } from "../components/NewRequestButton";
import type { OtpStopped } from "../components/OtpResult";
import { PracticeTids } from "../components/PracticeTids";
import { FindByMobile } from "../components/FindByMobile";
import {
  FailureActions,
  FailureSmsOtpChoice,
  OtpResult,
  Receipt,
  RefundForm,
  TransactionPanel,
  TransactionSummary,
} from "../lazy-parts";
import { RESTORED_NOTE_ID, RestoredNote } from "../components/RestoredNote";
import { TID_ERROR_ID, TidForm } from "../components/TidForm";
import { useHoldPracticeSpace } from "../held-space";
import { useAltShortcut } from "../shortcuts";
import type { RequestState } from "../store/request-store";
import {
  failureOf,
  failureSmsOtpOf,
  otpSentOf,
  receiptOf,
  restoredOf,
  runningOf,
  tidOf,
  transactionOf,
  unsettledOf,
  type Failure,
} from "../store/request-phase";
import { useDisplay, useLang, useRequest, useSettings, useStores, useT } from "../stores";

/** Errors about the OTP the agent typed: the field is where they are fixed. */
function isOtpFailure(failure: Failure | null): boolean {
  return failure?.task === "refund" && (failure.error.kind === "wrong-otp" || failure.error.kind === "invalid-input");
}

/** Errors about the tid typed: the field is where they are fixed. */
function isTidFailure(failure: Failure | null): boolean {
  return failure?.task === "check" && (failure.error.kind === "invalid-input" || failure.error.kind === "unknown-tid");
}

/** Why the OTP on screen can no longer refund, if it cannot. */
function otpStopped(failure: Failure | null): OtpStopped {
  if (failure?.task !== "refund") return null;
  // Expired, or the failure SMS's OTP refused: only a new OTP helps.
  if (failure.error.kind === "otp-expired" || failure.error.kind === "otp-ref-needed") return "expired";
  return failure.error.kind === "insufficient-balance" ? "no-balance" : null;
}

function refundOpen({ phase }: RequestState): boolean {
  if (phase.phase !== "otp-sent" && phase.phase !== "failure-sms") return false;
  if (phase.transaction && phase.transaction.state !== "refund-pending") return false;
  return otpStopped(phase.failure) === null;
}

/** An error whose own button sends a new OTP: the OTP panel then offers no second one. */
function offersNewOtp(failure: Failure | null): boolean {
  return failure !== null && failure.error.kind !== "refund-outcome-unknown" && hasFailureAction(failure.error);
}

type Focusable = RefObject<HTMLElement | null>;

/**
 * The counter flow on one screen: check the transaction, send the OTP to the customer, refund,
 * print the receipt. The verdict and its action come first; once the OTP is sent the transaction
 * folds to one line and the OTP field takes its place; the receipt replaces the flow. The focus
 * goes where the agent types or presses next.
 */
export function RequestScreen() {
  const t = useT();
  const lang = useLang();
  const { request, display } = useStores();
  const tid = useRequest(tidOf);
  const transaction = useRequest(transactionOf);
  const otpSent = useRequest(otpSentOf);
  const receipt = useRequest(receiptOf);
  const failure = useRequest(failureOf);
  const running = useRequest(runningOf);
  const restored = useRequest(restoredOf);
  const showRefund = useRequest(refundOpen);
  const used = useDisplay((s) => s.used);
  const practiceFolded = useDisplay((s) => s.practiceFolded);
  const failureSmsOtp = useRequest(failureSmsOtpOf);
  const unsettled = useRequest(unsettledOf);
  const view = useSettings((s) => s.view);
  const loadError = useSettings((s) => (s.view ? null : s.error));
  const inputRef = useRef<HTMLInputElement>(null);
  const sendRef = useRef<HTMLButtonElement>(null);
  const otpInputRef = useRef<HTMLInputElement>(null);
  const printRef = useRef<HTMLButtonElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const lastRunning = useRef(running);
  // Where the focus goes once the element is on screen (it may mount in the same render).
  const pendingFocus = useRef<Focusable | null>(inputRef);

  useLayoutEffect(() => {
    const target = pendingFocus.current?.current;
    if (!target) return;
    pendingFocus.current = null;
    // Already focused on arrival (autofocus): what the agent typed meanwhile is not selected, so
    // the next key does not replace it.
    const arrivedFocused = document.activeElement === target;
    target.focus();
    if (target instanceof HTMLInputElement && target === inputRef.current && !arrivedFocused) target.select();
  });

  const focusSoon = useCallback((target: Focusable) => {
    pendingFocus.current = target;
    const element = target.current;
    // Already on screen: no render may follow, so focus now.
    if (element) {
      pendingFocus.current = null;
      element.focus();
      if (element === inputRef.current) inputRef.current.select();
    }
  }, []);

  // A language switch sends the agent back to the field, not the language button.
  const shownLang = useRef(lang);
  useEffect(() => {
    if (shownLang.current === lang) return;
    shownLang.current = lang;
    focusSoon(inputRef);
  }, [lang, focusSoon]);

  useEffect(() => {
    if (transaction) display.getState().markUsed();
  }, [transaction, display]);

  // After an answer, the focus goes where the agent acts next: the OTP field after Send OTP, Send
  // OTP after a check that allows it, the field at fault after an error about it, Print on a receipt.
  useEffect(() => {
    const answered = lastRunning.current;
    lastRunning.current = running;
    if (isOtpFailure(failure)) return focusSoon(otpInputRef);
    if (!answered && isTidFailure(failure)) return focusSoon(inputRef);
    if (!answered || running) return;
    if (receipt) return focusSoon(printRef);
    if (failure) {
      const kind = failure.error.kind;
      if (isTidFailure(failure)) return focusSoon(inputRef);
      if (kind === "refund-not-done") return focusSoon(otpInputRef);
      const next = errorRef.current?.querySelector<HTMLButtonElement>(".error-next button:not(:disabled)");
      return focusSoon(next && hasFailureAction(failure.error) ? { current: next } : errorRef);
    }
    if (answered === "send-otp" || (answered === "check" && otpSentOf(request.getState())))
      return focusSoon(otpInputRef);
    focusSoon(sendRef.current ? sendRef : inputRef);
  }, [running, failure, receipt, focusSoon, request]);

  // Choosing the OTP from the failure SMS opens the field the agent types it in.
  useEffect(() => {
    if (failureSmsOtp) otpInputRef.current?.focus();
  }, [failureSmsOtp]);

  const newRequest = useCallback(() => {
    if (request.getState().reset()) focusSoon(inputRef);
  }, [request, focusSoon]);

  const canSendOtp = transaction?.state === "refund-pending" && !otpSent && !receipt;
  const newOtpOffered = offersNewOtp(failure);
  useAltShortcut("S", () => void request.getState().sendOtp(), (canSendOtp || newOtpOffered) && !restored);

  const practice = view?.environment === "practice" && view.practiceScenarios.length > 0;
  const holdAside = useHoldPracticeSpace();
  // Not again once Eko refused it (or the refund cannot go on), nor while a lost answer is unsettled.
  const offerFailureSms = canSendOtp && !failureSmsOtp && !unsettled && otpStopped(failure) === null;
  const messageId = failure?.task === "check" ? TID_ERROR_ID : isOtpFailure(failure) ? OTP_ERROR_ID : undefined;
  // A verdict that sends the agent back to the field is read with it.
  const verdictSendsBack = transaction !== null && !canSendOtp && !otpSent && !receipt;
  const tidDescribedBy = [restored ? RESTORED_NOTE_ID : null, verdictSendsBack ? VERDICT_ID : null]
    .filter(Boolean)
    .join(" ");

  return (
    <div className={practice || holdAside ? "request-layout with-aside" : "request-layout"}>
      <section className="request-main" aria-labelledby="request-title">
        {/* Once the agent knows the app, the field's label and hint say it all. */}
        <h1 id="request-title" className={used ? "screen-title visually-hidden" : "screen-title"}>
          {t("request.title")}
        </h1>
        {!used && <p className="intro">{t("request.intro")}</p>}
        {loadError && <ErrorPanel error={loadError} testId="settings-load-error" />}
        {restored && <RestoredNote />}
        {!receipt && (
          <TidForm inputRef={inputRef} describedBy={tidDescribedBy || undefined}>
            {(tid !== null || failure !== null) && (
              <NewRequestButton onNewRequest={newRequest} disabled={running !== null} />
            )}
          </TidForm>
        )}
        <IdleClear onCleared={() => inputRef.current?.focus()} />
        {receipt ? (
          <>
            <p className="flow-status" data-testid="flow-status">
              {receipt.confirmedBy === "inquiry" ? t("flowStatus.confirmedByEko") : t("flowStatus.refundedNow")}
            </p>
            <Receipt receipt={receipt} onNewRequest={newRequest} printRef={printRef} />
          </>
        ) : (
          <>
            {transaction && !otpSent && (
              <TransactionPanel tx={transaction} canSendOtp={canSendOtp} sendRef={sendRef}>
                {offerFailureSms && <FailureSmsOtpChoice />}
              </TransactionPanel>
            )}
            {otpSent && tid !== null && <TransactionSummary tid={tid} tx={transaction} />}
            {/* The field the agent types into next comes first; the reference (for support) below it. */}
            {showRefund && (
              <RefundForm
                amount={transaction?.amount ?? null}
                inputRef={otpInputRef}
                otpInvalid={isOtpFailure(failure)}
                locked={restored}
              />
            )}
            {otpSent && <OtpResult result={otpSent} stopped={otpStopped(failure)} resend={!newOtpOffered} />}
            {failure && (
              <ErrorPanel key={JSON.stringify(failure)} error={failure.error} ref={errorRef} messageId={messageId}>
                <FailureActions error={failure.error} />
              </ErrorPanel>
            )}
          </>
        )}
        {/* Below the flow and its errors: "no tid?" never pushes the answer down. */}
        {!receipt && !transaction && running === null && <FindByMobile onChosen={() => inputRef.current?.focus()} />}
      </section>
      {/* The Practice panel's own box (its width, folded or not), held empty until main answers. */}
      {holdAside && (
        <aside
          className={`layout-reserve panel practice-panel${practiceFolded ? " folded reserve-folded" : ""}`}
          aria-hidden="true"
        />
      )}
      {practice && (
        <PracticeTids
          scenarios={view.practiceScenarios}
          onPick={(picked) => {
            request.getState().setTidInput(picked);
            focusSoon(inputRef);
          }}
        />
      )}
    </div>
  );
}
