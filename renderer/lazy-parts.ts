/**
 * What the first screen does not show, in chunks of their own: loaded on first use and fetched
 * ahead after the first frame (main.tsx).
 */
import { lazyPart, type LazyPart } from "./lazy-part";

/** A component's props, named by its module without importing it (the import stays dynamic). */
type PropsOf<C> = C extends () => unknown ? object : C extends (props: infer P) => unknown ? P : never;

export type LazyPartList = ReadonlyArray<Pick<LazyPart<never>, "preload">>;

export const SettingsScreen: LazyPart<PropsOf<typeof import("./screens/SettingsScreen").SettingsScreen>> = lazyPart(
  () => import("./screens/SettingsScreen").then((m) => m.SettingsScreen),
);
export const HistoryScreen: LazyPart<PropsOf<typeof import("./screens/HistoryScreen").HistoryScreen>> = lazyPart(() =>
  import("./screens/HistoryScreen").then((m) => m.HistoryScreen),
);
export const PinDialog: LazyPart<PropsOf<typeof import("./components/PinDialog").PinDialog>> = lazyPart(() =>
  import("./components/PinDialog").then((m) => m.PinDialog),
);
export const TransactionPanel: LazyPart<PropsOf<typeof import("./components/TransactionPanel").TransactionPanel>> =
  lazyPart(() => import("./answer-panels").then((m) => m.TransactionPanel));
export const OtpResult: LazyPart<PropsOf<typeof import("./components/OtpResult").OtpResult>> = lazyPart(() =>
  import("./answer-panels").then((m) => m.OtpResult),
);
export const Receipt: LazyPart<PropsOf<typeof import("./components/Receipt").Receipt>> = lazyPart(() =>
  import("./answer-panels").then((m) => m.Receipt),
);
export const FailureActions: LazyPart<PropsOf<typeof import("./components/FailureActions").FailureActions>> = lazyPart(
  () => import("./answer-panels").then((m) => m.FailureActions),
);
export const RefundForm: LazyPart<PropsOf<typeof import("./components/RefundForm").RefundForm>> = lazyPart(() =>
  import("./answer-panels").then((m) => m.RefundForm),
);
export const TransactionSummary: LazyPart<
  PropsOf<typeof import("./components/TransactionSummary").TransactionSummary>
> = lazyPart(() => import("./answer-panels").then((m) => m.TransactionSummary));
export const FailureSmsOtpChoice: LazyPart<
  PropsOf<typeof import("./components/FailureSmsOtpChoice").FailureSmsOtpChoice>
> = lazyPart(() => import("./answer-panels").then((m) => m.FailureSmsOtpChoice));
export const FindByMobilePanel: LazyPart<PropsOf<typeof import("./components/FindByMobilePanel").FindByMobilePanel>> =
  lazyPart(() => import("./answer-panels").then((m) => m.FindByMobilePanel));

export const PrintSheet: LazyPart<PropsOf<typeof import("./print/PrintSheet").PrintSheet>> = lazyPart(() =>
  import("./print/PrintSheet").then((m) => m.PrintSheet),
);

/** The Refund screen's next panels: fetched right after the first frame, before any answer can come. */
export const ANSWER_PARTS: LazyPartList = [
  TransactionPanel,
  OtpResult,
  Receipt,
  FailureActions,
  RefundForm,
  TransactionSummary,
  FailureSmsOtpChoice,
  FindByMobilePanel,
];

/** Everything else: fetched once the window is idle. */
export const LATER_PARTS: LazyPartList = [SettingsScreen, HistoryScreen, PinDialog, PrintSheet];
