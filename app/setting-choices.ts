/**
 * The values a choice setting takes: a file of its own, so what reads only these (the first-frame
 * gate, before the page paints) does not load the field table with them.
 */
export const ENVIRONMENTS = ["practice", "uat", "production", "custom"] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

/** The receipt printer's paper: a 58 mm or 80 mm roll, or A4 sheets. */
export const PAPER_SIZES = ["58mm", "80mm", "a4"] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

/** The agent's copy (with the balance and a line to sign): on in kiosks unless the admin says otherwise. */
export const AGENT_COPY_CHOICES = ["kiosk", "always", "never"] as const;
export type AgentCopy = (typeof AGENT_COPY_CHOICES)[number];

/** Receipts in the interface's language, or in English and Hindi one after the other. */
export const RECEIPT_LANGUAGE_CHOICES = ["interface", "both"] as const;
export type ReceiptLanguages = (typeof RECEIPT_LANGUAGE_CHOICES)[number];
