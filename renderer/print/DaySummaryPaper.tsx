import type { DaySummary } from "../../app/day-summary";
import type { Lang } from "../../app/messages/describe-error";
import { describeOutcome } from "../../app/messages/describe-outcome";
import { formatDay, formatNumber } from "../../app/messages/format";
import { translator } from "../i18n";
import { printMoney, printTime } from "./print-format";

interface Props {
  summary: DaySummary;
  counter: string | null;
  langs: Lang[];
  /** Shown on screen too (History), without the printed time. */
  printedAt: string | null;
}

/** The day's close: the same figures on the History screen and on paper. */
export function DaySummaryFacts({ summary, counter, langs, printedAt }: Props) {
  return (
    <>
      {langs.map((lang) => {
        const t = translator(lang);
        const failures = Object.entries(summary.failures);
        const count = (n: number) => formatNumber(n, lang);
        return (
          <section key={lang} className="paper-lang day-summary-facts" lang={lang}>
            <h2 className="paper-title">{t("daySummary.title", { day: formatDay(summary.day, lang) })}</h2>
            {counter && <p>{t("daySummary.counter", { name: counter })}</p>}
            {printedAt && (
              <p className="paper-copy">
                {t("daySummary.printedAt", { time: t("receipt.ist", { time: printTime(printedAt, lang) }) })}
              </p>
            )}
            <dl className="paper-facts">
              <div>
                <dt>{t("daySummary.refunds")}</dt>
                <dd data-testid="summary-refunds">{count(summary.refunds)}</dd>
              </div>
              <div>
                <dt>{t("daySummary.refundedTotal")}</dt>
                <dd data-testid="summary-total">{printMoney(summary.refundedTotal, lang)}</dd>
              </div>
              <div>
                <dt>{t("daySummary.feeTotal")}</dt>
                <dd data-testid="summary-fees">{printMoney(summary.feeTotal, lang)}</dd>
              </div>
              <div>
                <dt>{t("daySummary.otpsSent")}</dt>
                <dd data-testid="summary-otps">{count(summary.otpsSent)}</dd>
              </div>
              <div>
                <dt>{t("daySummary.checks")}</dt>
                <dd data-testid="summary-checks">{count(summary.checks)}</dd>
              </div>
              <div>
                <dt>{t("daySummary.reprints")}</dt>
                <dd>{count(summary.reprints)}</dd>
              </div>
              <div>
                <dt>{t("daySummary.lookups")}</dt>
                <dd>{count(summary.lookups)}</dd>
              </div>
            </dl>
            {summary.refundsWithoutAmount > 0 && (
              <p>{t("daySummary.withoutAmount", { n: summary.refundsWithoutAmount })}</p>
            )}
            <h3 className="paper-section">{t("daySummary.failures")}</h3>
            {failures.length === 0 ? (
              <p>{t("daySummary.noFailures")}</p>
            ) : (
              <dl className="paper-facts" data-testid="summary-failures">
                {failures.map(([kind, n]) => (
                  <div key={kind}>
                    <dt>{describeOutcome(kind, lang).result}</dt>
                    <dd>{count(n)}</dd>
                  </div>
                ))}
              </dl>
            )}
          </section>
        );
      })}
    </>
  );
}
