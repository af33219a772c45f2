import { summarizeDay } from "../../app/day-summary";
import type { JournalEntry } from "../../app/history";
import { DaySummaryFacts } from "../print/DaySummaryPaper";
import { useDesk, useLang, useStores, useT } from "../stores";

/** Today's totals for the day's close, on the History screen, and "Print day summary" on the counter's paper. */
export function DaySummary({ day, entries }: { day: string; entries: JournalEntry[] }) {
  const t = useT();
  const lang = useLang();
  const { print } = useStores();
  const counter = useDesk((s) => s.desk?.counterName ?? null);
  const summary = summarizeDay(day, entries);
  return (
    <section className="panel day-summary" data-testid="day-summary" aria-label={t("daySummary.title", { day })}>
      <DaySummaryFacts summary={summary} counter={counter} langs={[lang]} printedAt={null} />
      <button
        type="button"
        className="button secondary"
        data-testid="print-day-summary"
        onClick={() => void print.getState().printDaySummary(summary)}
      >
        {t("daySummary.print")}
      </button>
    </section>
  );
}
