import type { Rupees } from "../../app/transaction";
import { decimalText } from "./decimal-text";

/**
 * Readers for the fields of Eko's `data`: Eko sends numbers as numbers or strings and publishes no
 * schema for these answers, so each reader accepts the plausible forms and returns null for the rest.
 */

const MAX_TEXT_CHARS = 100;

/** The first of `names` that `data` has, as Eko spelt it. */
export function field(data: Record<string, unknown>, ...names: string[]): unknown {
  for (const name of names)
    if (Object.hasOwn(data, name) && data[name] !== null && data[name] !== "") return data[name];
  return undefined;
}

export function asObject(value: unknown): Record<string, unknown> | null {
  // typeof null is "object": null comes back as itself.
  return typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown> | null) : null;
}

/** "5000", 5000, "2.22263731286E9" → "5000.00", "5000.00", "2222637312.86" (exact); anything else → null. */
export function rupees(value: unknown): Rupees | null {
  return decimalText(value);
}

/** A name or a message for display: control characters dropped, trimmed, bounded. */
export function text(value: unknown): string | null {
  if (typeof value !== "string" && typeof value !== "number") return null;
  const clean = String(value)
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    .replace(/[\u0000-\u001f\u007f]/g, " ")
    .trim()
    .slice(0, MAX_TEXT_CHARS);
  return clean === "" ? null : clean;
}

/** An id such as a refund tid: digits or a token, bounded; null for anything else. */
export function id(value: unknown): string | null {
  if (Number.isSafeInteger(value)) return String(value);
  if (typeof value !== "string") return null;
  const raw = value.trim();
  return /^[A-Za-z0-9_-]{1,40}$/.test(raw) ? raw : null;
}

/**
 * The last 4 characters of an account number, the rest never leaving main. A value of 4 characters
 * or fewer cannot be masked, so it is not shown at all.
 */
export function accountLast4(value: unknown): string | null {
  if (!Number.isSafeInteger(value) && typeof value !== "string") return null;
  const raw = String(value).replace(/\s/g, "");
  if (raw.length <= 4 || !/^[A-Za-z0-9*xX-]+$/.test(raw)) return null;
  return raw.slice(-4);
}

/**
 * A time as ISO. Eko's servers run on Indian time and its samples show local times without a
 * zone ("2024-05-14 13:45:10") [inferred]: such a time is read as IST (+05:30).
 */
export function ekoTime(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const raw = value.trim();
  const local = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)$/.exec(raw);
  // Stryker disable next-line Regex: without its $ too, Date.parse refuses any text after a zone
  const withZone = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/.test(raw);
  const ms = local ? Date.parse(`${local[1]}T${local[2]}+05:30`) : withZone ? Date.parse(raw) : Number.NaN;
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
