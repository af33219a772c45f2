/**
 * A field's shape as a zod schema, from its kind in the field table: what the IPC patch schema and
 * the policy's schema check before the settings' own rules judge the meaning.
 */
import { z } from "zod";
import { USER_SETTING_NAMES, fieldSpec, type FieldSpec } from "./setting-fields";
import type { UserSettingsPatch } from "./settings";

/** Text is judged trimmed, as the settings' rules store it; a label's bytes are counted by main. */
function fieldShape(spec: FieldSpec): z.ZodType {
  const kind = spec.kind;
  if (kind.type === "boolean") return z.boolean();
  if (kind.type === "number") return z.number().int().min(kind.min).max(kind.max);
  if (kind.type === "enum") return z.enum(kind.values as [string, ...string[]]);
  return z.string().trim().max(kind.maxLength);
}

/** The window's settings patch: every setting a user may set, each optional; text may be null (cleared). */
export const SETTINGS_PATCH_SCHEMA = z.strictObject(
  Object.fromEntries(
    USER_SETTING_NAMES.map((name) => {
      const spec = fieldSpec(name);
      const shape = fieldShape(spec);
      return [name, (spec.kind.type === "text" ? shape.nullable() : shape).optional()];
    }),
  ),
) as unknown as z.ZodType<UserSettingsPatch>;
