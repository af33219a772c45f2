/** One place a machine-wide policy may come from, as read. */
export type SourceRead =
  | { state: "absent" }
  | { state: "found"; origin: string; values: Record<string, unknown> }
  /** There, but unreadable, damaged or not trustworthy: the counter locks (fail closed). */
  | { state: "broken"; origin: string; reason: string };
