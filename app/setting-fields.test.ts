import { test } from "node:test";
import assert from "node:assert/strict";
import { en } from "./messages/en";
import { hi } from "./messages/hi";
import { FIELDS, SETTING_NAMES, formFields, fieldSpec, type FieldName } from "./setting-fields";

test("every default is a value its own field accepts", () => {
  for (const name of SETTING_NAMES) {
    const { kind, default: value } = fieldSpec(name);
    if (kind.type === "number") assert.ok(typeof value === "number" && value >= kind.min && value <= kind.max, name);
    else if (kind.type === "enum") assert.ok(kind.values.includes(value as string), name);
    else if (kind.type === "boolean") assert.equal(typeof value, "boolean", name);
    else assert.ok(value === null || (typeof value === "string" && value.length <= kind.maxLength), name);
  }
});

/** The limits a field's words may state: its bounds (a duration in ms as the window asks for it, in seconds). */
function limits(name: FieldName): number[] {
  const kind = fieldSpec(name).kind;
  if (kind.type === "number") {
    const scale = kind.unit === "milliseconds" ? 1000 : 1;
    return [kind.min / scale, kind.max / scale];
  }
  return kind.type === "text" ? [kind.maxLength] : [];
}

/** The numbers a text states (a +91 prefix or PKCS#11 is not a limit). */
const stated = (text: string) => [...text.matchAll(/(?<![+#\d])\d+/g)].map((m) => Number(m[0]));

test("the words an admin reads state the field table's limits, never others", () => {
  const words: [FieldName, string][] = [];
  for (const name of SETTING_NAMES)
    for (const messages of [en, hi])
      words.push([name, messages.invalidSetting[name === "customBaseUrl" ? "baseUrl" : name].action]);
  for (const name of formFields("receipt"))
    for (const messages of [en, hi]) words.push([name, messages.receiptSettings.hint[name]]);
  // A choice's or a flag's words name what it does (58 mm, after 30 days), not limits.
  const bounded = words.filter(([field]) => FIELDS[field].kind.type === "number" || FIELDS[field].kind.type === "text");
  for (const [name, text] of bounded) {
    const bounds = limits(name);
    for (const n of stated(text))
      assert.ok(bounds.includes(n), `${name}: "${text}" states ${n}, not one of ${bounds.join(", ")}`);
    if (FIELDS[name].kind.type === "number" && stated(text).length > 0)
      for (const bound of bounds) assert.ok(stated(text).includes(bound), `${name}: "${text}" leaves out ${bound}`);
  }
});
