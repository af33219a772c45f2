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
  // What the last copy did, and of which text: a new text shows idle without an effect resetting it.
  const [last, setLast] = useState<{ state: CopyState; text: string }>({ state: "idle", text });
  const state = last.text === text ? last.state : "idle";

  useEffect(() => {
    if (state !== "copied") return;
    const timer = setTimeout(() => setLast({ state: "idle", text }), 3000);
    return () => clearTimeout(timer);
  }, [state, text]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setLast({ state: "copied", text });
    } catch {
      setLast({ state: "failed", text });
    }
  }

  useAltShortcut("C", () => void copy());

  return (
    <span className="copy">
      <button
        type="button"
        className="button secondary"
        data-testid={testId}
        aria-keyshortcuts={ariaShortcut("C")}
        onClick={() => void copy()}
      >
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
