import type { Ref } from "react";
import { describeTxState } from "../../app/messages/describe-error";
import { formatDateTime, formatRupees } from "../../app/messages/format";
import type { Transaction } from "../../app/transaction";
import { useLang, useRequest, useStores, useT } from "../stores";
import { WaitedLine } from "./WaitedLine";

interface Props {
  tx: Transaction;
  /** Offer "Send OTP to customer": the transaction waits for a refund and no OTP is on screen yet. */
  canSendOtp: boolean;
  headingRef?: Ref<HTMLHeadingElement>;
}

/** What the agent reads out and confirms with the customer, then the status in words and its next step. */
export function TransactionPanel({ tx, canSendOtp, headingRef }: Props) {
  const t = useT();
  const lang = useLang();
  const { request } = useStores();
  const running = useRequest((s) => s.running);
  const sending = running === "send-otp";
  const state = describeTxState(tx.state, lang);
  const notGiven = <span className="not-given">{t("transaction.notGiven")}</span>;
  const money = (amount: string | null) => (amount === null ? notGiven : formatRupees(amount, lang));

  return (
    <section className="panel transaction-panel" data-testid="transaction" data-state={tx.state} aria-labelledby="transaction-title">
      <h2 id="transaction-title" className="panel-title" tabIndex={-1} ref={headingRef}>
        {t("transaction.title", { tid: tx.tid })}
      </h2>
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
        <div>
          <dt>{t("transaction.time")}</dt>
          <dd>{tx.time === null ? notGiven : <time dateTime={tx.time}>{formatDateTime(tx.time, lang)}</time>}</dd>
        </div>
      </dl>
      <div className={`tx-status tx-${tx.state}`} data-testid="tx-status">
        <p className="tx-status-label">{t("transaction.status")}</p>
        <p className="tx-status-title">{state.title}</p>
        <p>{state.action}</p>
        {tx.statusText && <p className="hint">{t("transaction.ekoSays", { text: tx.statusText })}</p>}
        <p className="hint">{t("transaction.checkedAt", { time: formatDateTime(tx.checkedAt, lang) })}</p>
      </div>
      <WaitedLine tx={tx} />
      {canSendOtp && (
        <button
          type="button"
          className="button primary"
          data-testid="send-otp"
          disabled={running !== null}
          aria-busy={sending}
          onClick={() => void request.getState().sendOtp()}
        >
          {sending && <span className="spinner" aria-hidden="true" />}
          {sending ? t("request.sending") : t("request.send")}
        </button>
      )}
    </section>
  );
}
