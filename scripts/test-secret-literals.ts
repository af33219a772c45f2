/**
 * Finds the secrets a test spells instead of taking from the registry
 * (main/test-support/test-secrets.ts), whose values the leak scan seeks in everything a run leaves:
 * a secret spelled elsewhere is one the scan may never seek. See docs/testing.md#test-secrets.
 */
import { readFileSync } from "node:fs";
import ts from "typescript";
import { TEST_SECRETS } from "../main/test-support/test-secrets";

export interface SpelledSecret {
  file: string;
  line: number;
  literal: string;
  /** The registry entry it spells ("otps.practice"), or the secret-named place it fills ("adminPin"). */
  why: string;
}

/** Each registry value and its entry's name ("otps.practice"). */
export const REGISTRY: ReadonlyMap<string, string> = new Map(
  Object.entries(TEST_SECRETS).flatMap(([group, entries]) =>
    Object.entries(entries).map(([name, value]) => [value as string, `${group}.${name}`] as const),
  ),
);

/** Digit secrets count as themselves only, not inside longer numbers (as the leak scan seeks them). */
function spells(text: string, secret: string): boolean {
  if (!/^\d+$/.test(secret)) return text.includes(secret);
  return new RegExp(`(?<!\\d)${secret}(?!\\d)`).test(text);
}

/**
 * A field, variable or parameter that holds a secret, and the shape of one the app accepts; shorter
 * or malformed values are the refused inputs validation tests need, and stay literals.
 */
const SECRET_PLACES: readonly { name: RegExp; shape: (value: string) => boolean }[] = [
  { name: /^(otp|customerOtp|[A-Z_]*OTP)$/, shape: (v) => /^\d{4,8}$/.test(v) },
  {
    name: /^(pin|adminPin|tokenPin|newPin|[A-Z_]*PIN)$/,
    // eslint-disable-next-line no-control-regex -- a PIN with a control character is refused, so not a secret
    shape: (v) => /^\d{6,}$/.test(v) || ([...v].length >= 10 && !/[\u0000-\u001f]/.test(v)),
  },
  { name: /^(accessKey|[A-Z_]*ACCESS_KEY)$/, shape: (v) => v.trim().length >= 12 },
];

function placeName(node: ts.Node): string | null {
  const parent = node.parent;
  if ((ts.isPropertyAssignment(parent) || ts.isVariableDeclaration(parent)) && parent.initializer === node)
    return ts.isIdentifier(parent.name) || ts.isStringLiteral(parent.name) ? parent.name.text : null;
  if (ts.isParameter(parent) && parent.initializer === node && ts.isIdentifier(parent.name)) return parent.name.text;
  return null;
}

function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteralLike(node) || ts.isNumericLiteral(node)) return node.text;
  if (ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) return node.text;
  return null;
}

export function spelledSecrets(file: string, text: string = readFileSync(file, "utf8")): SpelledSecret[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: SpelledSecret[] = [];
  const visit = (node: ts.Node) => {
    const literal = literalText(node);
    if (literal !== null) {
      const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
      const entry = [...REGISTRY].find(([secret]) => spells(literal, secret));
      const name = placeName(node);
      const place =
        name === null || !ts.isStringLiteralLike(node)
          ? undefined
          : SECRET_PLACES.find((p) => p.name.test(name) && p.shape(literal));
      if (entry) found.push({ file, line, literal, why: entry[1] });
      else if (place) found.push({ file, line, literal, why: name as string });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
