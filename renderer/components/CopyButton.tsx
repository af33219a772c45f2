import { useEffect, useState } from "react";
import { ariaShortcut, shortcutLabel, useAltShortcut } from "../shortcuts";
import { useT } from "../stores";

type CopyState = "idle" | "copied" | "failed";

/**
 * Copies `text`, by click or Alt+C from anywhere on the screen; says "Copied" for a few seconds,
 * or how to copy by hand if the clipboard refuses.
 */
export function CopyButton({ text, testId }: { text: string; testId: string }) {
  const t = useT();
  const [state, setState] = useState<CopyState>("idle");

  useEffect(() => {
    setState("idle");
  }, [text]);

  useEffect(() => {
    if (state !== "copied") return;
    const timer = setTimeout(() => setState("idle"), 3000);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      setState("failed");
    }
  }

  useAltShortcut("C", () => void copy());

  return (
    <span className="copy">
      <button type="button" className="button secondary" data-testid={testId} aria-keyshortcuts={ariaShortcut("C")} onClick={copy}>
        {state === "copied" ? t("result.copied") : t("result.copy")}
        <kbd className="shortcut" aria-hidden="true">
          {shortcutLabel("C")}
        </kbd>
      </button>
      {/* "Copied" is on the button already: the live region only says it aloud; a failure shows. */}
      <span className={state === "failed" ? "copy-status" : "copy-status visually-hidden"} role="status">
        {state === "copied" ? t("result.copied") : state === "failed" ? t("result.copyFailed") : ""}
      </span>
    </span>
  );
}
