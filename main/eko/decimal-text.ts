/**
 * Eko's amounts as exact decimal text. Eko writes money as strings ("5000.00", "50.0"), numbers
 * (499) and E-notation ("2.22263731286E9" for ₹2,222,637,312.86). Moving the decimal point in the
 * text keeps every digit; a float would not. Only the point moves and no arithmetic is done, so
 * a decimal library would add weight to no purpose.
 */

/** More whole digits than any rupee amount has (₹10 lakh crore is 14). */
const MAX_WHOLE_DIGITS = 15;
/** Places beyond paise are kept exactly (Eko's tds "7.1" has one; none shown has more than 2). */
const MAX_FRACTION_DIGITS = 6;

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,4}))?$/;

/**
 * "2.22263731286E9" → "2222637312.86", 499 → "499.00", "50.0" → "50.00", "7.125" → "7.125":
 * at least two places, more only when they are not zero. Null for anything else (a word, "12,000",
 * an empty string, NaN, too many digits): an unreadable amount is never turned into 0.
 */
export function decimalText(value: unknown): string | null {
  // A JSON number arrives as a double; its shortest text is the number Eko wrote ("NaN" and
  // "Infinity" do not match DECIMAL).
  if (typeof value !== "string" && typeof value !== "number") return null;
  const match = DECIMAL.exec(String(value).trim());
  if (!match) return null;
  const [, sign, , fraction = "", exponent] = match;
  // (\d*) takes part in every match.
  const whole = match[2] as string;
  if (whole === "" && fraction === "") return null;
  const digits = whole + fraction;
  // At most a 4-digit exponent: the padding below stays short, and the lengths are checked after it.
  const point = whole.length + Number(exponent ?? 0);
  const intPart = point <= 0 ? "0" : digits.slice(0, point).padEnd(point, "0");
  const fracPart = "0".repeat(Math.max(-point, 0)) + digits.slice(Math.max(point, 0));
  const cleanWhole = intPart.replace(/^0+(?=\d)/, "");
  const cleanFraction = fracPart.replace(/0+$/, "").padEnd(2, "0");
  if (cleanWhole.length > MAX_WHOLE_DIGITS || cleanFraction.length > MAX_FRACTION_DIGITS) return null;
  const negative = sign === "-" && /[1-9]/.test(cleanWhole + cleanFraction);
  return `${negative ? "-" : ""}${cleanWhole}.${cleanFraction}`;
}
