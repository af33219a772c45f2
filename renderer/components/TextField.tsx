import type { InputHTMLAttributes, ReactNode } from "react";

/**
 * A labelled input with its hint, wired for screen readers (label for, aria-describedby). The id
 * doubles as the test hook, as every settings field's test id is its element id.
 */
export function TextField({
  id,
  label,
  hint,
  ...input
}: { id: string; label: ReactNode; hint: ReactNode } & InputHTMLAttributes<HTMLInputElement>) {
  const hintId = `${id.replace(/-input$/, "")}-hint`;
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <input id={id} data-testid={id} aria-describedby={hintId} {...input} />
      <p id={hintId} className="hint">
        {hint}
      </p>
    </div>
  );
}
