import { useEffect, useState } from "react";
import { useMessages } from "../stores";

type CopyState = "idle" | "copied" | "failed";

/** Copies `text`; says "Copied" for a few seconds, or how to copy by hand if the clipboard refuses. */
export function CopyButton({ text, testId }: { text: string; testId: string }) {
  const m = useMessages();
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

  return (
    <span className="copy">
      <button type="button" className="button secondary" data-testid={testId} onClick={copy}>
        {state === "copied" ? m.result.copied : m.result.copy}
      </button>
      <span className="copy-status" role="status">
        {state === "copied" ? m.result.copied : state === "failed" ? m.result.copyFailed : ""}
      </span>
    </span>
  );
}
