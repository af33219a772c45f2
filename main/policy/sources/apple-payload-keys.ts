/**
 * The keys macOS writes into a managed-preferences file beside the settings of a profile's
 * payload: the payload's own identity (Apple's Device Management "common payload keys", the
 * profile-level PayloadScope, PayloadRemovalDisallowed and PayloadEnabled) and `_manualProfile`,
 * which macOS adds to preferences that came from a profile. They describe the profile, not the
 * policy, so they are set aside by name; every other key is the policy's and stays strict.
 */
export const APPLE_PAYLOAD_KEYS: readonly string[] = [
  "PayloadDescription",
  "PayloadDisplayName",
  "PayloadEnabled",
  "PayloadIdentifier",
  "PayloadOrganization",
  "PayloadRemovalDisallowed",
  "PayloadScope",
  "PayloadType",
  "PayloadUUID",
  "PayloadVersion",
  "_manualProfile",
];

const PAYLOAD_KEYS = new Set(APPLE_PAYLOAD_KEYS);

/** The values without Apple's payload keys (matched exactly, case included). */
export function withoutPayloadKeys(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([key]) => !PAYLOAD_KEYS.has(key)));
}
