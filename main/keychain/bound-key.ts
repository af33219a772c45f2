/**
 * The access key as the keychain entry holds it: with the base URL it was stored for. A key
 * belongs to its environment: one stored for production or UAT never signs a request to a custom
 * URL, a custom URL needs its own, and changing the environment never carries a key along.
 */
import { EKO_BASE_URLS } from "../../app/settings";

interface BoundKey {
  baseUrl: string;
  accessKey: string;
}

const EKO_HOSTS: readonly string[] = Object.values(EKO_BASE_URLS);

/** One spelling per URL: trailing slashes do not make another environment. */
function normal(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, "");
}

export function boundKeyText(accessKey: string, baseUrl: string): string {
  return JSON.stringify({ baseUrl: normal(baseUrl), accessKey } satisfies BoundKey);
}

/** What the entry says: a bound key, or a key stored before keys were bound (its text as it is). */
function readBoundKey(entry: string): BoundKey | { legacy: string } {
  try {
    const value = JSON.parse(entry) as Partial<BoundKey> | null;
    if (typeof value?.baseUrl === "string" && typeof value.accessKey === "string")
      return { baseUrl: value.baseUrl, accessKey: value.accessKey };
  } catch {
    // Not JSON: a key stored by an older version, in clear.
  }
  return { legacy: entry };
}

/**
 * The key that may sign for `baseUrl`, or null. An older entry has no URL: it was stored for one
 * of Eko's own environments or for a custom server, which cannot be told apart, so it is taken
 * for Eko's own hosts only (and bound there by the caller) and never for a custom URL.
 */
export function keyFor(entry: string, baseUrl: string): { accessKey: string; rebind: boolean } | null {
  const read = readBoundKey(entry);
  if ("legacy" in read) return signsFor(null, baseUrl) ? { accessKey: read.legacy, rebind: true } : null;
  return signsFor(read.baseUrl, baseUrl) ? { accessKey: read.accessKey, rebind: false } : null;
}

/**
 * Whether a key stored for `boundTo` may sign for `baseUrl`; null: stored with no URL (by an older
 * version, or a token's key from the vendor's tools), taken for Eko's own hosts only.
 */
export function signsFor(boundTo: string | null, baseUrl: string): boolean {
  return boundTo === null ? EKO_HOSTS.includes(normal(baseUrl)) : normal(boundTo) === normal(baseUrl);
}

/** A base URL as a key is bound to it: one spelling (what the token's CKA_ID holds). */
export function boundUrl(baseUrl: string): string {
  return normal(baseUrl);
}
