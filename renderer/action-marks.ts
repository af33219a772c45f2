/**
 * performance.marks around each counter action, for the benchmark only (the page opened with
 * ?bench=1): when the call left, when its answer came back, and when React committed the screen
 * that shows it. Off, each mark is one boolean test.
 */
export type MarkedTask = "check" | "send-otp" | "refund";
export type ActionPoint = "call" | "answer" | "commit";

let enabled = false;

export function enableActionMarks(on: boolean): void {
  enabled = on;
}

function actionMarkName(task: MarkedTask, point: ActionPoint): string {
  return `refund-desk:${task}:${point}`;
}

export function markAction(task: MarkedTask, point: ActionPoint): void {
  if (enabled) performance.mark(actionMarkName(task, point));
}
