import type { Policy } from "../../app/policy";
import { DEFAULT_SETTINGS, type Settings } from "../../app/settings";
import { overlayPolicy } from "./policy";

/**
 * Where the settings in force come from. "user": settings.json alone (no policy, or a provisioned
 * counter left open). "user-under-policy": an open policy's fields over settings.json. "policy":
 * a locked counter: each field is the policy's or the built-in default, and settings.json is not
 * read at all (a null policy is a counter locked down: the defaults).
 */
export type SettingsSource =
  { from: "user" } | { from: "user-under-policy"; policy: Policy } | { from: "policy"; policy: Policy | null };

/** Whether settings.json has any say: never on a locked counter. */
export function readsUserSettings(source: SettingsSource): boolean {
  return source.from !== "policy";
}

/** The settings in force from their source and, where it counts, the user's settings. */
export function settingsInForce(source: SettingsSource, user: Settings): Settings {
  switch (source.from) {
    case "user":
      return user;
    case "user-under-policy":
      return overlayPolicy(user, source.policy);
    case "policy":
      return source.policy ? overlayPolicy(DEFAULT_SETTINGS, source.policy) : { ...DEFAULT_SETTINGS };
  }
}
