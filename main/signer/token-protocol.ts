/** What main asks of the token's worker, and what comes back: plain data, copied between threads. */

/**
 * Which library, which token, which key (module from a policy only), and the base URL requests go
 * to: a key signs only for the URL it was put in for (its CKA_ID), as the keychain's does.
 */
export interface TokenConfig {
  module: string;
  token: string;
  key: string;
  baseUrl: string | null;
}

export type TokenRequest =
  | { op: "sign"; config: TokenConfig; pin: string; timestampMs: string }
  /** Puts the access key into the token (set-key, provision); the only time main holds it. */
  | { op: "import"; config: TokenConfig; pin: string; accessKey: string }
  /** What the doctor checks: the token, the key's attributes, whether its value can be read. */
  | { op: "inspect"; config: TokenConfig; pin: string };

/** The key as the token describes it; never its value. */
export interface KeyFacts {
  token: { label: string; manufacturer: string; model: string };
  /** Keys carrying the label: 1 is right, 0 missing, more ambiguous. */
  keysWithLabel: number;
  genericSecret: boolean;
  sensitive: boolean;
  extractable: boolean;
  sign: boolean;
  /** Usages other than sign that are on (CKA_ENCRYPT, CKA_VERIFY, …). */
  otherUsages: string[];
  /** Whether the token gave the key's value when asked: it must refuse (CKR_ATTRIBUTE_SENSITIVE). */
  valueReadable: boolean;
  /** The base URL the key was put in for (its CKA_ID), or null: a key from the vendor's tools. */
  boundTo: string | null;
  hmacSha256: boolean;
}

export interface TokenAnswers {
  sign: string;
  import: { replaced: number };
  inspect: KeyFacts;
}
