import type { DoctorCheck, DoctorReport, DoctorStatus } from "../../app/doctor";
import { describeDoctorCheck } from "../../app/messages/describe-error";
import { useLang, useT } from "../stores";

/** A symbol beside the word, so the status does not rest on colour alone. */
const SYMBOL: Record<DoctorStatus, string> = { ok: "✓", warn: "!", fail: "✕", skipped: "–" };

function CheckRow({ check, report }: { check: DoctorCheck; report: DoctorReport }) {
  const t = useT();
  const { name, lines } = describeDoctorCheck(check, report, useLang());
  return (
    <li className={`doctor-row status-${check.status}`} data-testid={`doctor-${check.id}`} data-status={check.status}>
      <span className="doctor-status">
        <span aria-hidden="true" className="doctor-symbol">
          {SYMBOL[check.status]}
        </span>
        {t(`doctor.status.${check.status}`)}
      </span>
      <div className="doctor-body">
        <p className="doctor-name">{name}</p>
        {lines.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
    </li>
  );
}

export function DoctorReportView({ report }: { report: DoctorReport }) {
  const t = useT();
  return (
    <div className="doctor-report" data-testid="doctor-report" data-ok={report.ok}>
      <p className={report.ok ? "doctor-summary ok" : "doctor-summary not-ok"}>
        {report.ok ? t("doctor.allOk") : t("doctor.notOk")}
      </p>
      {report.baseUrl && (
        <p className="hint">
          {t("doctor.checkedUrl")} <span className="mono url">{report.baseUrl}</span>
        </p>
      )}
      <ul className="doctor-checks">
        {report.checks.map((check) => (
          <CheckRow key={check.id} check={check} report={report} />
        ))}
      </ul>
    </div>
  );
}
