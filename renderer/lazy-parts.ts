/**
 * What the first screen does not show, in chunks of their own: loaded on first use and fetched
 * ahead once the window is idle (main.tsx).
 */
import { lazyPart, type LazyPart } from "./lazy-part";

export type LazyPartList = ReadonlyArray<Pick<LazyPart<never>, "preload">>;

export const SettingsScreen = lazyPart(() => import("./screens/SettingsScreen").then((m) => m.SettingsScreen));
export const HistoryScreen = lazyPart(() => import("./screens/HistoryScreen").then((m) => m.HistoryScreen));
export const PinDialog = lazyPart(() => import("./components/PinDialog").then((m) => m.PinDialog));
export const TransactionPanel = lazyPart(() => import("./answer-panels").then((m) => m.TransactionPanel));
export const OtpResult = lazyPart(() => import("./answer-panels").then((m) => m.OtpResult));
export const Receipt = lazyPart(() => import("./answer-panels").then((m) => m.Receipt));
export const FailureActions = lazyPart(() => import("./answer-panels").then((m) => m.FailureActions));

/** The Refund screen's next panels: fetched right after the first frame, before any answer can come. */
export const ANSWER_PARTS = [TransactionPanel, OtpResult, Receipt, FailureActions];

/** Everything else: fetched once the window is idle. */
export const LATER_PARTS = [SettingsScreen, HistoryScreen, PinDialog];
