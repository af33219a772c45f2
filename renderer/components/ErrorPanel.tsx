import { useId, useState } from "react";
import { detailsOf, type RefundDeskError } from "../../app/errors";
import { describeClockOffset, describeError } from "../../app/messages/describe-error";
import type { Messages } from "../../app/messages/en";
import { useLang, useMessages } from "../stores";

type DetailField = keyof Messages["errorPanel"]["field"];

/** The raw facts support asks for, in a fixed order; only what is present. Never a stack trace. */
function detailRows(error: RefundDeskError): [DetailField, string][] {
  const rows: [DetailField, string | number | undefined][] = [["kind", error.kind]];
  switch (error.kind) {
    case "invalid-input":
      rows.push(["field", error.field], ["reason", error.reason]);
      break;
    case "not-configured":
      rows.push(["missing", error.missing.join(", ")]);
      break;
    case "clock-skew":
      rows.push(["offsetMs", error.offsetMs]);
      break;
    case "timeout":
      rows.push(["afterMs", error.afterMs]);
      break;
    case "eko":
      rows.push(["code", error.code]);
      break;
    case "busy":
      rows.push(["tid", error.tid]);
      break;
    case "cooldown":
      rows.push(["tid", error.tid], ["retryAfterMs", error.retryAfterMs]);
      break;
  }
  const d = detailsOf(error);
  rows.push(
    ["httpStatus", d.httpStatus],
    ["ekoStatus", d.ekoStatus],
    ["responseStatusId", d.responseStatusId],
    ["responseTypeId", d.responseTypeId],
    ["ekoMessage", d.ekoMessage ?? (error.kind === "eko" ? error.message : undefined)],
    ["cause", d.cause],
  );
  return rows.filter((row): row is [DetailField, string | number] => row[1] !== undefined && row[1] !== "").map(
    ([field, value]) => [field, String(value)],
  );
}

interface Props {
  error: RefundDeskError;
  testId?: string;
}

/** What happened, what to do, and (on request) the raw details for a support call. */
export function ErrorPanel({ error, testId = "error" }: Props) {
  const m = useMessages();
  const lang = useLang();
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  const { title, action } = describeError(error, lang);
  const rows = detailRows(error);
  return (
    <div className="panel error-panel" role="alert" data-testid={testId} data-kind={error.kind}>
      <p className="error-title">{title}</p>
      <p className="error-action">{action}</p>
      {error.kind === "clock-skew" && (
        <p className="error-extra">{describeClockOffset(error.offsetMs, lang)}</p>
      )}
      <button
        type="button"
        className="link-button"
        data-testid="error-details-toggle"
        aria-expanded={open}
        aria-controls={detailsId}
        onClick={() => setOpen((o) => !o)}
      >
        {open ? m.errorPanel.detailsHide : m.errorPanel.detailsShow}
      </button>
      <dl className="error-details" id={detailsId} data-testid="error-details" hidden={!open}>
        {rows.map(([field, value]) => (
          <div className="detail-row" key={field}>
            <dt>{m.errorPanel.field[field]}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
