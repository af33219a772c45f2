import { useEffect } from "react";
import { receiptLangs } from "../../app/receipt";
import { useLang, usePrint, useStores } from "../stores";
import { DaySummaryFacts } from "./DaySummaryPaper";
import { ReceiptPaper } from "./ReceiptPaper";

/**
 * The page the printer gets: hidden on screen, alone in print (styles.css, "Print sheet"). Each
 * receipt copy starts a page of its own; the width follows the paper setting (58 mm by default).
 */
export function PrintSheet() {
  const lang = useLang();
  const job = usePrint((s) => s.job);
  const jobId = usePrint((s) => s.jobId);
  const setup = usePrint((s) => s.setup);
  const { print } = useStores();

  // After the job is on the page: main prints what the DOM holds at that moment.
  useEffect(() => {
    if (jobId > 0) void print.getState().sendToPrinter();
  }, [jobId, print]);

  if (!job || !setup) return null;
  const langs = receiptLangs(setup, lang);
  return (
    <div className="print-sheet" data-testid="print-sheet" data-paper={setup.paperSize} data-kind={job.kind}>
      {job.kind === "receipt" ? (
        job.copies.map((copy) => (
          <ReceiptPaper
            key={copy}
            refund={job.refund}
            copy={copy}
            langs={langs}
            setup={setup}
            duplicateAt={job.duplicateAt}
          />
        ))
      ) : (
        <article className="paper" data-testid="paper-day-summary">
          <DaySummaryFacts summary={job.summary} counter={job.counter} langs={langs} printedAt={job.printedAt} />
        </article>
      )}
    </div>
  );
}
