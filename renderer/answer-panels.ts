/**
 * The panels that show Eko's answers on the Refund screen (and the next step after an error):
 * none is on the first frame, so they share one chunk, fetched right after it (lazy-parts.ts).
 */
export { FailureActions } from "./components/FailureActions";
export { FailureSmsOtpChoice } from "./components/FailureSmsOtpChoice";
export { FindByMobilePanel } from "./components/FindByMobilePanel";
export { OtpResult } from "./components/OtpResult";
export { Receipt } from "./components/Receipt";
export { RefundForm } from "./components/RefundForm";
export { TransactionPanel } from "./components/TransactionPanel";
export { TransactionSummary } from "./components/TransactionSummary";
