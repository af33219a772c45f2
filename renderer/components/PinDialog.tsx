import { useId, useLayoutEffect, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import type { RefundDeskError } from "../../app/errors";
import { describeError } from "../../app/messages/describe-error";
import { useLang, useT } from "../stores";

type PinPurpose = "unlock" | "exit" | "export";

interface Props {
  purpose: PinPurpose;
  /** Sends the PIN; resolves to why it was refused, or null when it was taken (the caller closes). */
  onSubmit: (pin: string) => Promise<RefundDeskError | null>;
  onClose: () => void;
}

/**
 * The admin PIN, for unlocking the settings and for leaving kiosk mode: a native modal dialog
 * (focus is kept inside, the page behind is inert). The typed PIN lives in this field only and is
 * cleared the moment it is sent, whatever the answer.
 */
export function PinDialog({ purpose, onSubmit, onClose }: Props) {
  const t = useT();
  const lang = useLang();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [pin, setPin] = useState("");
  const [checking, setChecking] = useState(false);
  const [refusal, setRefusal] = useState<{ error: RefundDeskError; attempt: number } | null>(null);
  const titleId = useId();
  const introId = useId();
  const hintId = useId();
  const errorId = useId();

  // Closed while still in the page (a layout effect's cleanup runs before React removes it), so
  // the browser hands focus back to the button that opened the dialog.
  useLayoutEffect(() => {
    const dialog = dialogRef.current;
    dialog?.showModal();
    return () => dialog?.close();
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const typed = pin;
    setPin("");
    // An empty try would count as a wrong PIN in main: keep the admin in the field instead.
    if (checking || typed === "") {
      inputRef.current?.focus();
      return;
    }
    setChecking(true);
    const refused = await onSubmit(typed);
    setChecking(false);
    if (refused) {
      setRefusal((r) => ({ error: refused, attempt: (r?.attempt ?? 0) + 1 }));
      inputRef.current?.focus();
    }
  }

  // Escape closes this dialog only; the screen behind must not also take it as "go back".
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "Escape") return;
    event.preventDefault();
    onClose();
  };

  const advice = refusal ? describeError(refusal.error, lang) : null;

  return (
    <dialog
      ref={dialogRef}
      className="pin-dialog"
      data-testid="pin-dialog"
      aria-labelledby={titleId}
      aria-describedby={introId}
      onKeyDown={onKeyDown}
    >
      <form className="pin-form" noValidate onSubmit={(event) => void submit(event)}>
        <h2 id={titleId} className="panel-title">
          {t(`pinDialog.${purpose}.title`)}
        </h2>
        <p id={introId}>{t(`pinDialog.${purpose}.intro`)}</p>
        <div className="field">
          <label htmlFor="admin-pin" className="field-label">
            {t("pinDialog.label")}
          </label>
          <input
            id="admin-pin"
            ref={inputRef}
            data-testid="admin-pin"
            className="mono pin-input"
            type="password"
            inputMode="text"
            autoComplete="off"
            spellCheck={false}
            maxLength={64}
            // eslint-disable-next-line jsx-a11y/no-autofocus -- a modal dialog puts focus in its field as it opens
            autoFocus
            aria-invalid={refusal ? true : undefined}
            aria-describedby={refusal ? `${hintId} ${errorId}` : hintId}
            value={pin}
            onChange={(event) => setPin(event.target.value)}
          />
          <p id={hintId} className="hint">
            {t("pinDialog.hint")}
          </p>
        </div>
        {refusal && advice && (
          <div
            key={refusal.attempt}
            id={errorId}
            className="pin-error"
            role="alert"
            data-testid="pin-error"
            data-kind={refusal.error.kind}
          >
            <p className="error-title">{advice.title}</p>
            <p>{advice.action}</p>
          </div>
        )}
        <div className="form-actions">
          <button
            type="submit"
            className="button primary"
            data-testid="pin-submit"
            disabled={checking}
            aria-busy={checking}
          >
            {checking && <span className="spinner" aria-hidden="true" />}
            {checking ? t("pinDialog.checking") : t(`pinDialog.${purpose}.submit`)}
          </button>
          <button type="button" className="button secondary" data-testid="pin-cancel" onClick={onClose}>
            {t("pinDialog.cancel")}
          </button>
        </div>
      </form>
    </dialog>
  );
}
