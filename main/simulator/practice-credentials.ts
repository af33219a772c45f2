/**
 * The credentials of the Practice environment: Eko's own published UAT test keys, which the
 * built-in simulator accepts. They reach no real Eko server from Practice and are no secret.
 */
export const PRACTICE_CREDENTIALS = {
  developerKey: "becbbce45f79c6f5109f848acd540567",
  accessKey: "d2fe1d99-6298-4af2-8cc5-d97dcf46df30",
  initiatorId: "9962981729",
  userCode: "20810200",
} as const;
