import { useId, useRef, useState, type KeyboardEvent, type ReactNode, type Ref } from "react";
import { detailsOf, type RefundDeskError } from "../../app/errors";
import { describeClockOffset, describeError } from "../../app/messages/describe-error";
import type { Messages } from "../../app/messages/en";
import { formatNumber } from "../../app/messages/format";
import { hasText } from "../i18n";
import { useLang, useT } from "../stores";

type DetailField = keyof Messages["errorPanel"]["field"];

/** Durations in ms are quantities (grouped the Indian way); statuses and codes are identifiers. */
const QUANTITIES: ReadonlySet<DetailField> = new Set(["offsetMs", "afterMs", "retryAfterMs"]);

/** The raw facts support asks for, in a fixed order; only what is present. Never a stack trace. */
function detailRows(error: RefundDeskError): [DetailField, string | number][] {
  const rows: [DetailField, string | number | undefined][] = [["kind", error.kind]];
  switch (error.kind) {
    case "invalid-input":
      rows.push(["field", error.field], ["reason", error.reason]);
      break;
    case "not-configured":
      rows.push(["missing", error.missing.join(", ")]);
      break;
    case "clock-skew":
      rows.push(["offsetMs", error.offsetMs], ["pcTime", error.pcTime], ["ekoTime", error.ekoTime]);
      break;
    case "timeout":
      rows.push(["afterMs", error.afterMs]);
      break;
    case "eko":
      rows.push(["code", error.code]);
      break;
    case "busy":
    case "otp-ref-needed":
    case "refund-outcome-unknown":
    case "refund-not-recorded":
    case "refund-not-done":
    case "not-refund-pending":
      rows.push(["tid", error.tid]);
      break;
    case "not-journaled":
      rows.push(
        ["tid", error.tid],
        ["outcome", error.outcome],
        ["otpRefTail", error.otpRefTail],
        ["refundTid", error.refundTid],
      );
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
    [
      "invalidParams",
      d.invalidParams &&
        Object.entries(d.invalidParams)
          .map(([name, words]) => `${name}: ${words}`)
          .join("; "),
    ],
    ["cause", d.cause],
  );
  return rows.filter((row): row is [DetailField, string | number] => row[1] !== undefined && row[1] !== "");
}

interface Props {
  error: RefundDeskError;
  testId?: string;
  /** Takes focus when an answer arrives, so the agent reads it next. */
  ref?: Ref<HTMLDivElement>;
  /** On the words alone (not the buttons), for a field's aria-describedby. */
  messageId?: string;
  /** The next step's buttons, when the fix is one press away (send a new OTP, check again). */
  children?: ReactNode;
}

/** What happened, what to do, and (on request) the raw details for a support call. */
export function ErrorPanel({ error, testId = "error", ref, messageId, children }: Props) {
  const t = useT();
  const lang = useLang();
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  const toggleRef = useRef<HTMLButtonElement>(null);
  const { title, action } = describeError(error, lang);
  const rows = detailRows(error);
  // Eko's own words are English: in Hindi their meaning goes beside them, for the codes the app knows.
  const meaningKey = error.kind === "eko" && lang !== "en" ? `ekoMeaning.${error.code}` : null;
  const meaning = meaningKey !== null && hasText(meaningKey) ? t(meaningKey) : null;

  // Escape closes the details first; the screen's own Escape (Settings: back) waits for the next one.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "Escape" || !open) return;
    event.preventDefault();
    setOpen(false);
    toggleRef.current?.focus();
  };

  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- Escape bubbling from the details
    <div
      className="panel error-panel"
      role="alert"
      tabIndex={-1}
      ref={ref}
      data-testid={testId}
      data-kind={error.kind}
      onKeyDown={onKeyDown}
    >
      <div className="error-message" id={messageId}>
        <p className="error-title">{title}</p>
        {meaning && (
          <p className="eko-meaning" data-testid="eko-meaning">
            {t("errorPanel.ekoMeaning", { text: meaning })}
          </p>
        )}
        <p className="error-action">{action}</p>
        {error.kind === "clock-skew" && <p className="error-extra">{describeClockOffset(error.offsetMs, lang)}</p>}
      </div>
      {children && <div className="error-next">{children}</div>}
      <button
        type="button"
        className="link-button"
        data-testid="error-details-toggle"
        aria-expanded={open}
        aria-controls={detailsId}
        ref={toggleRef}
        onClick={() => setOpen((o) => !o)}
      >
        {open ? t("errorPanel.detailsHide") : t("errorPanel.detailsShow")}
      </button>
      <dl className="error-details" id={detailsId} data-testid="error-details" hidden={!open}>
        {rows.map(([field, value]) => (
          <div className="detail-row" key={field}>
            <dt>{t(`errorPanel.field.${field}`)}</dt>
            <dd>{QUANTITIES.has(field) && typeof value === "number" ? formatNumber(value, lang) : value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
