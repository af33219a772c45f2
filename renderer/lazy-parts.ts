/**
 * What the first screen does not show, in chunks of their own: loaded on first use and fetched
 * ahead once the window is idle (main.tsx).
 */
import { lazyPart } from "./lazy-part";

export const SettingsScreen = lazyPart(() => import("./screens/SettingsScreen").then((m) => m.SettingsScreen));
export const HistoryScreen = lazyPart(() => import("./screens/HistoryScreen").then((m) => m.HistoryScreen));
export const PinDialog = lazyPart(() => import("./components/PinDialog").then((m) => m.PinDialog));
export const TransactionPanel = lazyPart(() => import("./answer-panels").then((m) => m.TransactionPanel));
export const OtpResult = lazyPart(() => import("./answer-panels").then((m) => m.OtpResult));
export const Receipt = lazyPart(() => import("./answer-panels").then((m) => m.Receipt));

export const LAZY_PARTS = [SettingsScreen, HistoryScreen, PinDialog, TransactionPanel, OtpResult, Receipt];
