/**
 * The one table of settings and policy fields: each is described here once (kind, bounds, default,
 * who may set it, where the Settings screen shows it); its words (the name people read, what the
 * admin reads about it) are in the catalogues, `settingName` and `settingNote`, typed over this
 * table so a field without them fails `tsc`. Everything else is derived from it: the Settings and Policy types, the IPC patch schema, the policy's
 * schema, the validation's bounds, the CLI's names and kinds, the form, the admin's field table,
 * the Group Policy templates and the macOS profile example (scripts/policy-templates.ts).
 */
import { AGENT_COPY_CHOICES, ENVIRONMENTS, PAPER_SIZES, RECEIPT_LANGUAGE_CHOICES } from "./setting-choices";

/**
 * What signs Eko's secret-key: the access key from the OS keychain, or a PKCS#11 token or HSM that
 * holds it and never gives it back (main then never holds the key).
 */
const SIGNERS = ["keychain", "pkcs11"] as const;

/** The token's key label when none is set: the label `set-key` writes and the vendor's tools may use. */
const DEFAULT_PKCS11_KEY_LABEL = "eko-access-key";

/**
 * Who sets a field. "anyone": settings.json (the Settings screen, `config set`) and a policy;
 * "policy": a policy alone, though it is a setting (the token's library is code loaded into main);
 * "policy-only": a policy's own field, not a setting; "provision-only": the file handed to
 * `refund-desk provision` alone, never a machine-wide source.
 */
type SetBy = "anyone" | "policy" | "policy-only" | "provision-only";

/** How `config set` reads a number, and the unit its refusal names. */
type NumberUnit = "milliseconds" | "minutes" | "months";

/** The Settings screen's sections a field may appear in. */
export type FormSection = "receipt";

interface Common {
  setBy: SetBy;
  /** Needed in every policy (others only in some cases, checked by main/policy/policy.ts). */
  policyRequired?: true;
  /** The field's name in a policy, when it differs from the setting's. */
  policyName?: string;
  /** The Settings screen section that shows it (the Eko account fields have their own form). */
  form?: FormSection;
  /** A value for the macOS profile example; none for fields an example should leave out. */
  example?: string | number | boolean;
}

interface TextKind {
  type: "text";
  /** The most characters (bytes, with `bytes`) once trimmed. */
  maxLength: number;
  bytes?: true;
}
interface ChoiceKind<V extends string> {
  type: "enum";
  values: readonly V[];
}
interface NumberKind {
  type: "number";
  min: number;
  max: number;
  unit: NumberUnit;
}
interface BooleanKind {
  type: "boolean";
}
type FieldKind = TextKind | ChoiceKind<string> | NumberKind | BooleanKind;

export interface FieldSpec extends Common {
  kind: FieldKind;
  /** The setting's built-in default; undefined for a policy's own field. null: none. */
  default?: string | number | boolean | null;
}

/** Text: blank clears it to its default (none, or the label a token falls back to). */
function text<const S extends Common & { default?: string; bytes?: true }>(
  maxLength: number,
  spec: S,
): Omit<S, "default" | "bytes"> & {
  kind: TextKind;
  default: S extends { default: infer D extends string } ? D : null;
} {
  const { bytes, default: fallback, ...common } = spec;
  return {
    ...common,
    kind: { type: "text", maxLength, ...(bytes ? { bytes } : {}) },
    default: (fallback ?? null) as S extends { default: infer D extends string } ? D : null,
  };
}

function choice<const V extends string, const S extends Common & { default?: V }>(
  values: readonly V[],
  spec: S,
): Omit<S, "default"> & { kind: ChoiceKind<V>; default: V } {
  const { default: fallback, ...common } = spec;
  return { ...common, kind: { type: "enum", values }, default: fallback as V };
}

function whole<const S extends Common & { default?: number }>(
  bounds: { min: number; max: number; unit: NumberUnit },
  spec: S,
): Omit<S, "default"> & { kind: NumberKind; default: number } {
  const { default: fallback, ...common } = spec;
  return { ...common, kind: { type: "number", ...bounds }, default: fallback as number };
}

function flag<const S extends Common & { default?: boolean }>(
  spec: S,
): Omit<S, "default"> & { kind: BooleanKind; default: boolean } {
  const { default: fallback, ...common } = spec;
  return { ...common, kind: { type: "boolean" }, default: fallback as boolean };
}

/**
 * Every field, in the order the admin's table lists them. The bounds are the app's: what main
 * enforces is what the IPC schema, the policy schema, the templates and the docs state.
 */
export const FIELDS = {
  environment: choice(ENVIRONMENTS, {
    setBy: "anyone",
    policyRequired: true,
    default: "practice",
    example: "production",
  }),
  customBaseUrl: text(2048, {
    setBy: "anyone",
    policyName: "baseUrl",
  }),
  developerKey: text(128, {
    setBy: "anyone",
    example: "becbbce45f79c6f5109f848acd540567",
  }),
  initiatorId: text(10, {
    setBy: "anyone",
    example: "9962981729",
  }),
  userCode: text(8, {
    setBy: "anyone",
    example: "20810200",
  }),
  counterName: text(64, {
    setBy: "policy-only",
    policyRequired: true,
    example: "Pune Camp – Counter 3",
  }),
  kioskMode: flag({
    setBy: "policy-only",
    policyRequired: true,
    example: true,
  }),
  settingsLocked: flag({
    setBy: "policy-only",
    policyRequired: true,
    example: true,
  }),
  adminPin: text(64, {
    setBy: "provision-only",
  }),
  adminPinHash: text(512, {
    setBy: "policy-only",
    example: "$scrypt$ln=17,r=8,p=1$<salt>$<hash> from refund-desk pin-hash",
  }),
  timeoutMs: whole(
    { min: 1_000, max: 120_000, unit: "milliseconds" },
    {
      setBy: "anyone",
      default: 15_000,
      example: 20000,
    },
  ),
  // Eko publishes no limit on resending; 30 s keeps a customer from being flooded with SMS.
  resendCooldownMs: whole(
    { min: 0, max: 600_000, unit: "milliseconds" },
    {
      setBy: "anyone",
      default: 30_000,
      example: 30000,
    },
  ),
  // 256: longer than any name Windows (about 220) or CUPS (127) gives a printer, so none is refused.
  printerName: text(256, {
    setBy: "anyone",
    form: "receipt",
    example: "EPSON TM-T82 Receipt",
  }),
  paperSize: choice(PAPER_SIZES, {
    setBy: "anyone",
    form: "receipt",
    default: "58mm",
    example: "58mm",
  }),
  agentCopy: choice(AGENT_COPY_CHOICES, {
    setBy: "anyone",
    form: "receipt",
    default: "kiosk",
  }),
  receiptLanguages: choice(RECEIPT_LANGUAGE_CHOICES, {
    setBy: "anyone",
    form: "receipt",
    default: "interface",
  }),
  // One line on a 58 mm roll wraps to two or three at most at 120 characters.
  helpline: text(120, {
    setBy: "anyone",
    form: "receipt",
    example: "1800 123 4567",
  }),
  grievanceContact: text(120, {
    setBy: "anyone",
    form: "receipt",
  }),
  rbiGrievance: flag({
    setBy: "anyone",
    form: "receipt",
    default: false,
  }),
  idleClearMinutes: whole(
    { min: 1, max: 15, unit: "minutes" },
    {
      setBy: "anyone",
      form: "receipt",
      default: 2,
      example: 2,
    },
  ),
  /*
   * The default keeps the kiosk clocks seen in the field working (2 h ahead, 3 h behind, set to UTC
   * instead of IST: 5 h 30); a Date further off is not believed, so a signature is never dated years ahead.
   */
  maxClockCorrectionMinutes: whole(
    { min: 5, max: 1440, unit: "minutes" },
    {
      setBy: "anyone",
      default: 360,
      example: 360,
    },
  ),
  signer: choice(SIGNERS, {
    setBy: "anyone",
    default: "keychain",
  }),
  pkcs11Module: text(1024, {
    setBy: "policy",
  }),
  // The agent's account never sets it: deleting old journal would make the counter looser.
  journalRetentionMonths: whole(
    { min: 2, max: 1200, unit: "months" },
    {
      setBy: "policy",
      default: 1200,
      example: 36,
    },
  ),
  // PKCS#11 labels are 32 bytes of UTF-8, blank-padded.
  pkcs11Token: text(32, {
    setBy: "anyone",
    bytes: true,
  }),
  pkcs11Key: text(32, {
    setBy: "anyone",
    bytes: true,
    default: DEFAULT_PKCS11_KEY_LABEL,
  }),
} as const satisfies Record<string, FieldSpec>;

type Fields = typeof FIELDS;
export type FieldName = keyof Fields;

/** The value a field holds: a choice's values, a number, a flag, or text (null: none, unless a default stands in). */
type ValueOf<F> = F extends { kind: ChoiceKind<infer V> }
  ? V
  : F extends { kind: NumberKind }
    ? number
    : F extends { kind: BooleanKind }
      ? boolean
      : F extends { default: string }
        ? string
        : string | null;

/** The fields that are settings (settings.json and the settings in force). */
export type SettingName = {
  [K in FieldName]: Fields[K]["setBy"] extends "anyone" | "policy" ? K : never;
}[FieldName];

/** The settings a user may set (the Settings screen, `config set`, settings.json). */
export type UserSettingName = { [K in FieldName]: Fields[K]["setBy"] extends "anyone" ? K : never }[FieldName];

export type SettingValues = { -readonly [K in SettingName]: ValueOf<Fields[K]> };

type PolicyNameOf<K extends FieldName> = Fields[K] extends { policyName: infer P extends string } ? P : K;
type InPolicy = Exclude<FieldName, "adminPin" | "adminPinHash">;
type RequiredInPolicy = { [K in InPolicy]: Fields[K] extends { policyRequired: true } ? K : never }[InPolicy];

/** A validated policy's values: the required fields and any setting it names (never the PIN); absent, never null. */
export type PolicyValues = { -readonly [K in RequiredInPolicy as PolicyNameOf<K>]: NonNullable<ValueOf<Fields[K]>> } & {
  -readonly [K in Exclude<InPolicy, RequiredInPolicy> as PolicyNameOf<K>]?: NonNullable<ValueOf<Fields[K]>>;
};

const ALL = Object.entries(FIELDS) as [FieldName, FieldSpec][];

/** Every setting's name, in the table's order. */
export const SETTING_NAMES = ALL.filter(([, spec]) => spec.setBy === "anyone" || spec.setBy === "policy").map(
  ([name]) => name as SettingName,
);

/** The settings a user may set. */
export const USER_SETTING_NAMES = SETTING_NAMES.filter((name) => FIELDS[name].setBy === "anyone") as UserSettingName[];

export function fieldSpec(name: FieldName): FieldSpec {
  return FIELDS[name];
}

/** A field's name in a policy (customBaseUrl → baseUrl). */
export function policyName(name: FieldName): string {
  const spec: FieldSpec = FIELDS[name];
  return spec.policyName ?? name;
}

/** A setting's `config set` name: its policy name in kebab case (customBaseUrl → base-url). */
export function cliName(name: SettingName): string {
  return policyName(name).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** Every policy field as the admin writes it, with its description, in the table's order. */
export interface PolicyFieldSpec extends FieldSpec {
  /** The field in this table (its words in the catalogues are under this name). */
  field: FieldName;
  name: string;
  required: boolean;
  provisionOnly: boolean;
}

export const POLICY_FIELDS: readonly PolicyFieldSpec[] = ALL.map(([name, spec]) => ({
  ...spec,
  field: name,
  name: policyName(name),
  required: spec.policyRequired === true,
  provisionOnly: spec.setBy === "provision-only",
}));

/** The fields a machine-wide source (registry, managed preferences, policy.json) may carry. */
export const MACHINE_POLICY_FIELDS = POLICY_FIELDS.filter((field) => !field.provisionOnly);

/** The settings a Settings screen section shows. */
export type FormField<S extends FormSection> = {
  [K in UserSettingName]: Fields[K] extends { form: S } ? K : never;
}[UserSettingName];

/** The fields a Settings screen section shows, in the table's order. */
export function formFields<S extends FormSection>(section: S): FormField<S>[] {
  return USER_SETTING_NAMES.filter((name) => fieldSpec(name).form === section) as FormField<S>[];
}

/** A policy field by the name an admin writes (the registry's value names are these). */
export function policyField(name: string): PolicyFieldSpec | undefined {
  return POLICY_FIELDS.find((field) => field.name === name);
}
