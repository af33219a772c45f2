import type { ReactNode } from "react";
import type { Lang } from "../../app/messages/describe-error";
import type { Translate } from "../../app/messages/keys";
import type { PrintableRefund, ReceiptCopy, ReceiptSetup } from "../../app/receipt";
import { translator } from "../i18n";
import { printDate, printMoney, printTime } from "./print-format";

interface Props {
  refund: PrintableRefund;
  copy: ReceiptCopy;
  langs: Lang[];
  setup: ReceiptSetup;
  duplicateAt: string | null;
}

/**
 * One copy of a refund's receipt, in each language asked for. The customer's copy never shows
 * the agent's balance; the agent's copy adds it and a line for the customer to sign. No OTP, no key.
 */
export function ReceiptPaper({ refund, copy, langs, setup, duplicateAt }: Props) {
  return (
    <article className="paper receipt-paper" data-testid={`paper-${copy}`} data-copy={copy}>
      {langs.map((lang) => (
        <ReceiptInLang
          key={lang}
          lang={lang}
          t={translator(lang)}
          refund={refund}
          copy={copy}
          setup={setup}
          duplicateAt={duplicateAt}
        />
      ))}
    </article>
  );
}

function ReceiptInLang({
  lang,
  t,
  refund,
  copy,
  setup,
  duplicateAt,
}: Omit<Props, "langs"> & { lang: Lang; t: Translate }) {
  const ist = (iso: string) => t("receipt.ist", { time: printTime(iso, lang) });
  const row = (label: string, value: ReactNode) => (
    <div key={label}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
  const rows = (list: [string, ReactNode | null][]) =>
    list.filter(([, value]) => value !== null && value !== "").map(([label, value]) => row(label, value));

  return (
    <section className="paper-lang" lang={lang}>
      <h1 className="paper-title">{t("receipt.title")}</h1>
      <p className="paper-copy">{copy === "customer" ? t("receipt.customerCopy") : t("receipt.agentCopy")}</p>
      {duplicateAt !== null && (
        <p className="paper-duplicate" data-testid="paper-duplicate">
          {t("receipt.duplicate", { time: ist(duplicateAt) })}
        </p>
      )}
      {refund.environment === "practice" && <p className="paper-practice">{t("receipt.practice")}</p>}
      {refund.environment !== "practice" && refund.environment !== "production" && (
        <p className="paper-practice">{t(`env.badge.${refund.environment}`)}</p>
      )}
      <dl className="paper-facts">
        {rows([
          [t("receipt.counter"), refund.counter],
          [t("receipt.agentCode"), refund.agentCode],
        ])}
      </dl>
      <h2 className="paper-section">{t("receipt.transfer")}</h2>
      <dl className="paper-facts">
        {rows([
          [t("receipt.tid"), refund.tid],
          [t("receipt.transferTime"), refund.txTime ? printDate(refund.txTime, lang) : null],
          [t("receipt.txAmount"), refund.txAmount ? printMoney(refund.txAmount, lang) : null],
          [t("receipt.recipient"), refund.recipientName],
          [
            t("receipt.account"),
            refund.accountLast4 ? t("receipt.accountEnding", { last4: refund.accountLast4 }) : null,
          ],
        ])}
      </dl>
      <h2 className="paper-section">{t("receipt.refund")}</h2>
      <dl className="paper-facts">
        {rows([
          [t("receipt.refundTid"), refund.refundTid],
          [t("receipt.amount"), refund.refundedAmount ? printMoney(refund.refundedAmount, lang) : null],
          [t("receipt.fee"), refund.fee ? printMoney(refund.fee, lang) : null],
          [t("receipt.time"), ist(refund.refundedAt)],
          // The agent's balance is the agent's business: on the agent's copy only.
          [t("receipt.balance"), copy === "agent" && refund.balance ? printMoney(refund.balance, lang) : null],
        ])}
      </dl>
      {copy === "customer" ? (
        <Grievance t={t} setup={setup} />
      ) : (
        <p className="paper-sign" data-testid="paper-sign">
          {t("receipt.cashReturned")}
        </p>
      )}
      {copy === "customer" && <p className="paper-keep">{t("receipt.keep")}</p>}
    </section>
  );
}

/** Where the customer complains: the partner's contacts, then RBI's route when the admin turned it on. */
function Grievance({ t, setup }: { t: Translate; setup: ReceiptSetup }) {
  if (!setup.helpline && !setup.grievanceContact && !setup.rbiGrievance) return null;
  return (
    <div className="paper-grievance" data-testid="paper-grievance">
      <h2 className="paper-section">{t("receipt.grievanceTitle")}</h2>
      {setup.helpline && <p>{t("receipt.helpline", { helpline: setup.helpline })}</p>}
      {setup.grievanceContact && <p>{t("receipt.grievanceContact", { contact: setup.grievanceContact })}</p>}
      {setup.rbiGrievance && <p data-testid="paper-rbi">{t("receipt.rbi")}</p>}
    </div>
  );
}
