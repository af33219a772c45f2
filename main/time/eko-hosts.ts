import { EKO_BASE_URLS } from "../../app/settings";

const EKO_ORIGINS: ReadonlySet<string> = new Set(Object.values(EKO_BASE_URLS).map((url) => new URL(url).origin));

/**
 * Whether `url` is on one of Eko's own published hosts (UAT, production), compared by origin:
 * scheme, host and port exactly, so Eko's older production URL with port 25002, a custom URL or
 * the Practice simulator on loopback is not.
 */
export function isEkoHost(url: string): boolean {
  try {
    return EKO_ORIGINS.has(new URL(url).origin);
  } catch {
    return false;
  }
}
