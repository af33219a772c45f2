/**
 * The one list of policy fields. The policy's schema (policy.ts), the Group Policy templates
 * (ADMX/ADML), the macOS configuration profile example and the admin's table of fields are all
 * generated from it (scripts/policy-templates.ts), so none of them can name a field the others lack.
 */
import {
  AGENT_COPY_CHOICES,
  ENVIRONMENTS,
  MAX_IDLE_CLEAR_MINUTES,
  MAX_JOURNAL_RETENTION_MONTHS,
  MAX_MAX_CLOCK_CORRECTION_MINUTES,
  MAX_RESEND_COOLDOWN_MS,
  MAX_TIMEOUT_MS,
  MIN_IDLE_CLEAR_MINUTES,
  MIN_JOURNAL_RETENTION_MONTHS,
  MIN_MAX_CLOCK_CORRECTION_MINUTES,
  MIN_TIMEOUT_MS,
  PAPER_SIZES,
  RECEIPT_LANGUAGE_CHOICES,
  SIGNERS,
} from "../../app/settings";

type PolicyFieldKind =
  | { type: "string"; maxLength: number }
  | { type: "enum"; values: readonly string[] }
  | { type: "boolean" }
  | { type: "number"; min: number; max: number };

export interface PolicyFieldSpec {
  name: string;
  kind: PolicyFieldKind;
  /** Needed in every policy (others only in some cases, checked by policy.ts). */
  required: boolean;
  /** Only in the file handed to `refund-desk provision`, never in a machine-wide source. */
  provisionOnly?: boolean;
  en: string;
  hi: string;
  /** A value for the macOS profile example; none for fields an example should leave out. */
  example?: string | number | boolean;
}

export const POLICY_FIELDS: readonly PolicyFieldSpec[] = [
  {
    name: "environment",
    example: "production",
    kind: { type: "enum", values: ENVIRONMENTS },
    required: true,
    en: "Where requests go: practice (the built-in simulator), uat, production or custom.",
    hi: "अनुरोध कहाँ जाएँ: practice (अंदर बना सिम्युलेटर), uat, production या custom।",
  },
  {
    name: "baseUrl",
    kind: { type: "string", maxLength: 2048 },
    required: false,
    en: "Eko's base URL (https only); only with environment custom, where it is required.",
    hi: "Eko का बेस URL (केवल https); केवल environment custom के साथ, जहाँ यह ज़रूरी है।",
  },
  {
    name: "developerKey",
    example: "becbbce45f79c6f5109f848acd540567",
    kind: { type: "string", maxLength: 256 },
    required: false,
    en: "Eko developer_key; required outside practice.",
    hi: "Eko developer_key; practice के बाहर ज़रूरी।",
  },
  {
    name: "initiatorId",
    example: "9962981729",
    kind: { type: "string", maxLength: 64 },
    required: false,
    en: "Eko initiator_id (10 digits); required outside practice.",
    hi: "Eko initiator_id (10 अंक); practice के बाहर ज़रूरी।",
  },
  {
    name: "userCode",
    example: "20810200",
    kind: { type: "string", maxLength: 64 },
    required: false,
    en: "Eko user_code of the agent (8 digits), for the check and refund steps.",
    hi: "एजेंट का Eko user_code (8 अंक), जाँच और रिफ़ंड के चरणों के लिए।",
  },
  {
    name: "counterName",
    example: "Pune Camp – Counter 3",
    kind: { type: "string", maxLength: 256 },
    required: true,
    en: "The counter's name, shown to the agent and written on every journal line.",
    hi: "काउंटर का नाम, एजेंट को दिखता है और जर्नल की हर पंक्ति में लिखा जाता है।",
  },
  {
    name: "kioskMode",
    example: true,
    kind: { type: "boolean" },
    required: true,
    en: "Full-screen kiosk: no menus, exports only to the exports folder, receipts to the named printer.",
    hi: "पूरी स्क्रीन कियोस्क: कोई मेन्यू नहीं, एक्सपोर्ट केवल exports फ़ोल्डर में, रसीद नामित प्रिंटर पर।",
  },
  {
    name: "settingsLocked",
    example: true,
    kind: { type: "boolean" },
    required: true,
    en: "Lock the settings: changing them needs the admin PIN.",
    hi: "सेटिंग्स लॉक करें: बदलने के लिए एडमिन पिन चाहिए।",
  },
  {
    name: "adminPin",
    kind: { type: "string", maxLength: 64 },
    required: false,
    provisionOnly: true,
    en: "The admin PIN in clear (provisioning file only): 6+ digits or a passphrase of 10+ characters.",
    hi: "एडमिन पिन (केवल प्रोविज़निंग फ़ाइल में): 6+ अंक या 10+ अक्षरों का पासफ़्रेज़।",
  },
  {
    name: "adminPinHash",
    example: "$scrypt$ln=17,r=8,p=1$<salt>$<hash> from refund-desk pin-hash",
    kind: { type: "string", maxLength: 512 },
    required: false,
    en: "The admin PIN's hash from `refund-desk pin-hash`; required with kiosk mode or locked settings.",
    hi: "`refund-desk pin-hash` से एडमिन पिन का हैश; कियोस्क या लॉक सेटिंग्स के साथ ज़रूरी।",
  },
  {
    name: "timeoutMs",
    example: 20000,
    kind: { type: "number", min: MIN_TIMEOUT_MS, max: MAX_TIMEOUT_MS },
    required: false,
    en: "How long to wait for Eko, in milliseconds.",
    hi: "Eko के जवाब का इंतज़ार, मिलीसेकंड में।",
  },
  {
    name: "resendCooldownMs",
    example: 30000,
    kind: { type: "number", min: 0, max: MAX_RESEND_COOLDOWN_MS },
    required: false,
    en: "Wait before the same transaction may ask for the OTP again, in milliseconds.",
    hi: "एक ही ट्रांज़ैक्शन के लिए दोबारा OTP माँगने से पहले का इंतज़ार, मिलीसेकंड में।",
  },
  {
    name: "printerName",
    example: "EPSON TM-T82 Receipt",
    kind: { type: "string", maxLength: 256 },
    required: false,
    en: "The printer receipts go to without a print dialog (its name as the OS lists it).",
    hi: "वह प्रिंटर जिस पर रसीद बिना प्रिंट डायलॉग के छपे (OS में दिखने वाला नाम)।",
  },
  {
    name: "paperSize",
    example: "58mm",
    kind: { type: "enum", values: PAPER_SIZES },
    required: false,
    en: "The receipt paper: 58mm (the default), 80mm or a4.",
    hi: "रसीद का कागज़: 58mm (डिफ़ॉल्ट), 80mm या a4।",
  },
  {
    name: "agentCopy",
    kind: { type: "enum", values: AGENT_COPY_CHOICES },
    required: false,
    en: "The agent's copy of each receipt: kiosk (only on kiosks, the default), always or never.",
    hi: "हर रसीद की एजेंट प्रति: kiosk (केवल कियोस्क पर, डिफ़ॉल्ट), always या never।",
  },
  {
    name: "receiptLanguages",
    kind: { type: "enum", values: RECEIPT_LANGUAGE_CHOICES },
    required: false,
    en: "The receipt's language: interface (the agent's, the default) or both (English and Hindi).",
    hi: "रसीद की भाषा: interface (एजेंट की, डिफ़ॉल्ट) या both (अंग्रेज़ी और हिन्दी)।",
  },
  {
    name: "helpline",
    example: "1800 123 4567",
    kind: { type: "string", maxLength: 512 },
    required: false,
    en: "The partner's customer helpline, printed in the receipt's grievance block.",
    hi: "पार्टनर की ग्राहक हेल्पलाइन, रसीद के शिकायत खंड में छपती है।",
  },
  {
    name: "grievanceContact",
    kind: { type: "string", maxLength: 512 },
    required: false,
    en: "Where the customer writes with a complaint (the partner's grievance officer).",
    hi: "ग्राहक शिकायत कहाँ लिखे (पार्टनर का शिकायत अधिकारी)।",
  },
  {
    name: "rbiGrievance",
    kind: { type: "boolean" },
    required: false,
    en: "Print RBI's complaint route on receipts (the bank first; cms.rbi.org.in or 14448 after 30 days).",
    hi: "रसीद पर RBI का शिकायत मार्ग छापें (पहले बैंक; 30 दिन बाद cms.rbi.org.in या 14448)।",
  },
  {
    name: "idleClearMinutes",
    example: 2,
    kind: { type: "number", min: MIN_IDLE_CLEAR_MINUTES, max: MAX_IDLE_CLEAR_MINUTES },
    required: false,
    en: "Minutes without input before the Refund screen forgets the customer.",
    hi: "इनपुट के बिना कितने मिनट बाद रिफ़ंड स्क्रीन ग्राहक को भूल जाए।",
  },
  {
    name: "maxClockCorrectionMinutes",
    example: 360,
    kind: { type: "number", min: MIN_MAX_CLOCK_CORRECTION_MINUTES, max: MAX_MAX_CLOCK_CORRECTION_MINUTES },
    required: false,
    en: "The most, in minutes, the app corrects this PC's clock towards Eko's when signing (default 360); further off, requests are refused until the clock is fixed.",
    hi: "हस्ताक्षर करते समय ऐप इस PC की घड़ी को Eko के समय की ओर अधिकतम कितने मिनट सुधारे (डिफ़ॉल्ट 360); इससे ज़्यादा अंतर पर घड़ी ठीक होने तक अनुरोध रोक दिए जाते हैं।",
  },
  {
    name: "signer",
    kind: { type: "enum", values: SIGNERS },
    required: false,
    en: "What signs requests: keychain (the access key in the agent's keychain, the default) or pkcs11 (a PKCS#11 token or HSM holds the key; the app never does).",
    hi: "अनुरोधों पर हस्ताक्षर कौन करे: keychain (एजेंट के कीचेन में एक्सेस की, डिफ़ॉल्ट) या pkcs11 (की PKCS#11 टोकन या HSM में रहती है; ऐप के पास कभी नहीं)।",
  },
  {
    name: "pkcs11Module",
    kind: { type: "string", maxLength: 1024 },
    required: false,
    en: "The full path of the token's or HSM's PKCS#11 library (vendor's); set only by a policy, required with signer pkcs11.",
    hi: "टोकन या HSM की PKCS#11 लाइब्रेरी (वेंडर की) का पूरा पाथ; केवल पॉलिसी से सेट होता है, signer pkcs11 के साथ ज़रूरी।",
  },
  {
    name: "journalRetentionMonths",
    example: 36,
    kind: { type: "number", min: MIN_JOURNAL_RETENTION_MONTHS, max: MAX_JOURNAL_RETENTION_MONTHS },
    required: false,
    en: "Months of journal kept, this month counted; older months are removed after a retention cut is journaled. Left out: every month is kept.",
    hi: "जर्नल कितने महीने रखा जाए, यह महीना गिनकर; पुराने महीने जर्नल में रिटेंशन कट लिखने के बाद हटते हैं। न दिया हो तो हर महीना रखा जाता है।",
  },
  {
    name: "pkcs11Token",
    kind: { type: "string", maxLength: 128 },
    required: false,
    en: "The label of the token or HSM partition holding the key (at most 32 bytes); required with signer pkcs11.",
    hi: "की रखने वाले टोकन या HSM पार्टीशन का लेबल (अधिकतम 32 बाइट); signer pkcs11 के साथ ज़रूरी।",
  },
  {
    name: "pkcs11Key",
    kind: { type: "string", maxLength: 128 },
    required: false,
    en: "The label of the key in the token (default eko-access-key).",
    hi: "टोकन में की का लेबल (डिफ़ॉल्ट eko-access-key)।",
  },
];

/** The fields a machine-wide source (registry, managed preferences, policy.json) may carry. */
export const MACHINE_POLICY_FIELDS = POLICY_FIELDS.filter((field) => !field.provisionOnly);

export function policyField(name: string): PolicyFieldSpec | undefined {
  return POLICY_FIELDS.find((field) => field.name === name);
}
