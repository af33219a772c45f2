/**
 * The panels that show Eko's answers on the Refund screen (and the next step after an error):
 * none is on the first frame, so they
 * share one chunk, fetched when the window is idle (lazy-parts.ts).
 */
export { FailureActions } from "./components/FailureActions";
export { OtpResult } from "./components/OtpResult";
export { Receipt } from "./components/Receipt";
export { TransactionPanel } from "./components/TransactionPanel";
