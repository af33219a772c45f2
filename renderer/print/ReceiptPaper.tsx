import type { Lang } from "../../app/messages/describe-error";
import type { Translate } from "../../app/messages/keys";
import {
  receiptContent,
  type PrintableRefund,
  type ReceiptContent,
  type ReceiptCopy,
  type ReceiptRow,
  type ReceiptSetup,
  type ReceiptValue,
} from "../../app/receipt";
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
 * One copy of a refund's receipt, in each language asked for. What the copy carries (the balance
 * on the agent's copy only) is decided by receiptContent (app/receipt.ts); this writes it out.
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
  const content = receiptContent(refund, copy, setup);
  const written = (value: ReceiptValue): string => {
    switch (value.type) {
      case "text":
        return value.text;
      case "money":
        return printMoney(value.amount, lang);
      case "date":
        return printDate(value.iso, lang);
      case "time":
        return ist(value.iso);
      case "account-ending":
        return t("receipt.accountEnding", { last4: value.last4 });
    }
  };
  const facts = (rows: ReceiptRow[]) => (
    <dl className="paper-facts">
      {rows.map(({ label, value }) => (
        <div key={label}>
          <dt>{t(`receipt.${label}`)}</dt>
          <dd>{written(value)}</dd>
        </div>
      ))}
    </dl>
  );

  return (
    <section className="paper-lang" lang={lang}>
      <h1 className="paper-title">{t("receipt.title")}</h1>
      <p className="paper-copy">{copy === "customer" ? t("receipt.customerCopy") : t("receipt.agentCopy")}</p>
      {duplicateAt !== null && (
        <p className="paper-duplicate" data-testid="paper-duplicate">
          {t("receipt.duplicate", { time: ist(duplicateAt) })}
        </p>
      )}
      {content.environment === "practice" && <p className="paper-practice">{t("receipt.practice")}</p>}
      {content.environment !== null && content.environment !== "practice" && (
        <p className="paper-practice">{t(`env.badge.${content.environment}`)}</p>
      )}
      {facts(content.counter)}
      <h2 className="paper-section">{t("receipt.transfer")}</h2>
      {facts(content.transfer)}
      <h2 className="paper-section">{t("receipt.refund")}</h2>
      {facts(content.refund)}
      {content.grievance && <Grievance t={t} grievance={content.grievance} />}
      {content.signLine && (
        <p className="paper-sign" data-testid="paper-sign">
          {t("receipt.cashReturned")}
        </p>
      )}
      {content.keepNote && <p className="paper-keep">{t("receipt.keep")}</p>}
    </section>
  );
}

/** Where the customer complains: the partner's contacts, then RBI's route when the admin turned it on. */
function Grievance({ t, grievance }: { t: Translate; grievance: NonNullable<ReceiptContent["grievance"]> }) {
  return (
    <div className="paper-grievance" data-testid="paper-grievance">
      <h2 className="paper-section">{t("receipt.grievanceTitle")}</h2>
      {grievance.helpline && <p>{t("receipt.helpline", { helpline: grievance.helpline })}</p>}
      {grievance.grievanceContact && <p>{t("receipt.grievanceContact", { contact: grievance.grievanceContact })}</p>}
      {grievance.rbi && <p data-testid="paper-rbi">{t("receipt.rbi")}</p>}
    </div>
  );
}
