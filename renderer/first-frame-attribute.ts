/** Set on <html> by first-frame-gate.ts when the prerendered screen is not this window's: hidden until its own. */
export const FIRST_FRAME_ATTRIBUTE = "data-first-frame";
