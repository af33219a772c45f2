/** The verdict's element id: the tid field is described by it when the verdict sends the agent back there. */
export const VERDICT_ID = "tx-verdict";
