/**
 * How the demo runs the browser and reads how it ended: an app window on a throwaway profile, the
 * sandbox off only where Chromium refuses to run at all (as root), and a browser that stopped on
 * its own with an error is a failure of the demo, said with the browser's own last words.
 */
export function browserArgs(url: string, profile: string, asRoot: boolean): string[] {
  return [
    `--app=${url}`,
    `--user-data-dir=${profile}`,
    "--no-first-run",
    "--no-default-browser-check",
    // Chromium will not start as root with its sandbox on; the demo serves Practice only.
    ...(asRoot ? ["--no-sandbox"] : []),
  ];
}

export type BrowserEnd = { ok: true } | { ok: false; message: string };

/** The window closed (exit 0, or stopped by Ctrl+C), or the browser failed. */
export function browserEnd(code: number | null, stoppedByUs: boolean, lastWords: string): BrowserEnd {
  if (stoppedByUs || code === 0) return { ok: true };
  const said = lastWords.trim().split("\n").at(-1)?.trim();
  return { ok: false, message: `the browser stopped with exit ${code ?? "by a signal"}${said ? `: ${said}` : ""}` };
}
