import type { ReactNode, Ref } from "react";
import { describeTxState } from "../../app/messages/describe-error";
import { formatDateTime, formatRupees } from "../../app/messages/format";
import type { Transaction } from "../../app/transaction";
import { VERDICT_ID } from "./flow-ids";
import { ariaShortcut, shortcutLabel } from "../shortcuts";
import { useLang, useRequest, useStores, useT } from "../stores";
import { runningOf } from "../store/request-phase";
import { WaitedLine } from "./WaitedLine";

interface Props {
  tx: Transaction;
  /** Offer "Send OTP to customer": the transaction waits for a refund and no OTP is on screen yet. */
  canSendOtp: boolean;
  /** Takes focus after the check when the OTP can be sent (Enter sends it). */
  sendRef?: Ref<HTMLButtonElement>;
  /** More ways forward, beside Send OTP (e.g. the customer already has an OTP). */
  children?: ReactNode;
}

/**
 * The verdict first (the status in words and its one action: Send OTP, or what to do instead), then
 * what the agent reads out and confirms with the customer.
 */
export function TransactionPanel({ tx, canSendOtp, sendRef, children }: Props) {
  const t = useT();
  const lang = useLang();
  const { request } = useStores();
  const running = useRequest(runningOf);
  const sending = running === "send-otp";
  const state = describeTxState(tx.state, lang);
  const notGiven = <span className="not-given">{t("transaction.notGiven")}</span>;
  const money = (amount: string | null) => (amount === null ? notGiven : formatRupees(amount, lang));

  return (
    <section
      className="panel transaction-panel"
      data-testid="transaction"
      data-state={tx.state}
      aria-labelledby="transaction-title"
    >
      <h2 id="transaction-title" className="panel-title">
        {t("transaction.title", { tid: tx.tid })}
      </h2>
      <div className={`tx-status tx-${tx.state}`} data-testid="tx-status" id={VERDICT_ID}>
        <div className="tx-verdict">
          <p className="tx-status-title">{state.title}</p>
          <p className="tx-status-action">{state.action}</p>
        </div>
        {(canSendOtp || children) && (
          <div className="verdict-actions">
            {canSendOtp && (
              <button
                type="button"
                ref={sendRef}
                className="button primary"
                data-testid="send-otp"
                disabled={running !== null}
                aria-busy={sending}
                aria-keyshortcuts={ariaShortcut("S")}
                onClick={() => void request.getState().sendOtp()}
              >
                {sending && <span className="spinner" aria-hidden="true" />}
                {sending ? t("request.sending") : t("request.send")}
                <kbd className="shortcut" aria-hidden="true">
                  {shortcutLabel("S")}
                </kbd>
              </button>
            )}
            {children}
          </div>
        )}
      </div>
      <dl className="facts">
        <div>
          <dt>{t("transaction.amount")}</dt>
          <dd className="amount" data-testid="tx-amount">
            {money(tx.amount)}
          </dd>
        </div>
        <div>
          <dt>{t("transaction.fee")}</dt>
          <dd>{money(tx.fee)}</dd>
        </div>
        <div>
          <dt>{t("transaction.time")}</dt>
          <dd>{tx.time === null ? notGiven : <time dateTime={tx.time}>{formatDateTime(tx.time, lang)}</time>}</dd>
        </div>
        <div>
          <dt>{t("transaction.sender")}</dt>
          <dd>{tx.senderName ?? notGiven}</dd>
        </div>
        <div>
          <dt>{t("transaction.recipient")}</dt>
          <dd>{tx.recipientName ?? notGiven}</dd>
        </div>
        <div>
          <dt>{t("transaction.account")}</dt>
          <dd className="mono" data-testid="tx-account">
            {tx.recipientAccountLast4 === null ? (
              notGiven
            ) : (
              <>
                <span aria-hidden="true">•••• </span>
                <span className="visually-hidden">{t("transaction.accountEnding")} </span>
                {tx.recipientAccountLast4}
              </>
            )}
          </dd>
        </div>
      </dl>
      <p className="hint tx-checked">
        {tx.statusText && (
          <>
            <span lang="en">{t("transaction.ekoSays", { text: tx.statusText })}</span>
            {" · "}
          </>
        )}
        {t("transaction.checkedAt", { time: formatDateTime(tx.checkedAt, lang) })}
      </p>
      <WaitedLine tx={tx} />
    </section>
  );
}
