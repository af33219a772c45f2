/** A real wait; services take a `sleep` dependency so tests can skip it. */
export function sleep(ms: number): Promise<void> {
  return new Promise<void>((resolve) => setTimeout(resolve, ms));
}
