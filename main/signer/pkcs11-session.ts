/**
 * One logged-in PKCS#11 session and what the app does with it: sign a timestamp with
 * CKM_SHA256_HMAC, put the access key in as a sensitive, non-extractable, sign-only secret, and
 * describe the key for the doctor. Synchronous, as the library is: it runs in the token's worker
 * (token-worker-service.ts), never on main's event loop. Every failure is an error value of its own
 * kind; no PIN or key is ever in one.
 */
import { createHash } from "node:crypto";
import type { RefundDeskError } from "../../app/errors";
import { err, ok, type Result } from "../../app/result";
import { CK } from "./pkcs11-constants";
import type { KeyFacts, TokenAnswers, TokenConfig, TokenRequest } from "./token-protocol";
import { boundUrl, signsFor } from "../keychain/bound-key";

type Handle = Buffer;
interface Attribute {
  type: number;
  value?: number | boolean | string | Buffer;
}

/** The part of pkcs11js's PKCS11 this app calls, so tests can stand in for a token that misbehaves. */
export interface Pkcs11Library {
  load(path: string): void;
  C_Initialize(): void;
  C_Finalize(): void;
  C_GetSlotList(tokenPresent: boolean): Handle[];
  C_GetTokenInfo(slot: Handle): { label: string; manufacturerID: string; model: string; flags: number };
  C_GetMechanismList(slot: Handle): number[];
  C_OpenSession(slot: Handle, flags: number): Handle;
  C_CloseSession(session: Handle): void;
  C_Login(session: Handle, userType: number, pin: string): void;
  C_FindObjectsInit(session: Handle, template: Attribute[]): void;
  C_FindObjects(session: Handle, maxObjectCount: number): Handle[];
  C_FindObjectsFinal(session: Handle): void;
  C_GetAttributeValue(session: Handle, object: Handle, template: Attribute[]): { type: number; value: Buffer }[];
  C_CreateObject(session: Handle, template: Attribute[]): Handle;
  C_DestroyObject(session: Handle, object: Handle): void;
  C_SignInit(session: Handle, mechanism: { mechanism: number }, key: Handle): void;
  C_Sign(session: Handle, data: Buffer, out: Buffer): Buffer;
}

/** The usages a secret key may have besides sign, off on a sign-only key; by name for the doctor. */
const OTHER_USAGES = {
  CKA_ENCRYPT: CK.CKA_ENCRYPT,
  CKA_DECRYPT: CK.CKA_DECRYPT,
  CKA_WRAP: CK.CKA_WRAP,
  CKA_UNWRAP: CK.CKA_UNWRAP,
  CKA_VERIFY: CK.CKA_VERIFY,
  CKA_DERIVE: CK.CKA_DERIVE,
} as const;

/** The token or its session went away: the next request opens a new session. */
const SESSION_GONE = new Set([
  "CKR_SESSION_HANDLE_INVALID",
  "CKR_SESSION_CLOSED",
  "CKR_DEVICE_REMOVED",
  "CKR_TOKEN_NOT_PRESENT",
  "CKR_TOKEN_NOT_RECOGNIZED",
  "CKR_DEVICE_ERROR",
  "CKR_USER_NOT_LOGGED_IN",
]);

const KIND_OF: Readonly<Record<string, RefundDeskError["kind"]>> = {
  CKR_PIN_INCORRECT: "token-pin-wrong",
  CKR_PIN_INVALID: "token-pin-wrong",
  CKR_PIN_LEN_RANGE: "token-pin-wrong",
  CKR_PIN_LOCKED: "token-pin-locked",
  CKR_PIN_EXPIRED: "token-pin-locked",
  CKR_DEVICE_REMOVED: "token-absent",
  CKR_TOKEN_NOT_PRESENT: "token-absent",
  CKR_TOKEN_NOT_RECOGNIZED: "token-absent",
  CKR_SESSION_HANDLE_INVALID: "token-absent",
  CKR_SESSION_CLOSED: "token-absent",
  CKR_KEY_FUNCTION_NOT_PERMITTED: "token-key-cannot-sign",
  CKR_MECHANISM_INVALID: "token-mechanism",
  CKR_MECHANISM_PARAM_INVALID: "token-mechanism",
  CKR_KEY_TYPE_INCONSISTENT: "token-mechanism",
  CKR_KEY_SIZE_RANGE: "token-mechanism",
  CKR_KEY_HANDLE_INVALID: "token-key-missing",
  CKR_OBJECT_HANDLE_INVALID: "token-key-missing",
};

/** The library's CKR_… name of a thrown PKCS#11 error, or null for anything else. */
function ckrOf(error: unknown): string | null {
  const message = error instanceof Error ? error.message : "";
  return /^CKR_[A-Z_]+/.exec(message)?.[0] ?? null;
}

function tokenError(kind: Exclude<RefundDeskError["kind"], "token-timeout">, cause: string): RefundDeskError {
  return { kind, details: { cause } } as RefundDeskError;
}

/** A thrown PKCS#11 error as the app's kind; only the CKR name goes in the details. */
function fromThrown(error: unknown): RefundDeskError {
  const ckr = ckrOf(error);
  if (ckr === null) return tokenError("token-failed", "not-a-pkcs11-error");
  const kind = KIND_OF[ckr] ?? "token-failed";
  return tokenError(kind as Exclude<RefundDeskError["kind"], "token-timeout">, ckr);
}

/** A library's own words on why it did not load: the first line, without the PIN or key it never saw. */
function loadCause(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split("\n")[0] ?? "").slice(0, 200);
}

/** A CK_ULONG as the library gives it: little-endian, 4 or 8 bytes by platform. */
const ulong = (bytes: Buffer) => [...bytes].reduceRight((value, byte) => value * 256 + byte, 0);

const pinDigest = (pin: string) => createHash("sha256").update(pin, "utf8").digest("hex");

/** Eko's key bytes: the UTF-8 of base64(access key), as signTimestamp uses them (signing.ts). */
export function ekoKeyBytes(accessKey: string): Buffer {
  return Buffer.from(Buffer.from(accessKey, "utf8").toString("base64"), "ascii");
}

type TokenAnswer = TokenAnswers[keyof TokenAnswers];

export interface Pkcs11Session {
  /** The answer is of the request's op (TokenAnswers); the worker's client types it. */
  handle(request: TokenRequest): Result<TokenAnswer, RefundDeskError>;
  close(): void;
}

/**
 * The session the worker keeps: the library loaded once (another path: the old one finalised),
 * one session logged in, reopened after the token went away. A PIN the token refused is not tried
 * again until another PIN is given, so the app never counts a token down to locked.
 */
export function createPkcs11Session(newLibrary: () => Pkcs11Library): Pkcs11Session {
  let library: { path: string; lib: Pkcs11Library } | null = null;
  let open: { token: string; slot: Handle; session: Handle; pin: string } | null = null;
  let refusedPin: string | null = null;

  function closeSession(): void {
    if (!open || !library) return;
    try {
      library.lib.C_CloseSession(open.session);
    } catch {
      // The session may already be gone with its token; a new one is opened either way.
    }
    open = null;
  }

  function unload(): void {
    closeSession();
    if (!library) return;
    try {
      library.lib.C_Finalize();
    } catch {
      // Finalising a library that failed half-way: nothing more to release.
    }
    library = null;
  }

  function load(path: string): Result<Pkcs11Library, RefundDeskError> {
    if (library?.path === path) return ok(library.lib);
    unload();
    let lib: Pkcs11Library;
    try {
      lib = newLibrary();
      lib.load(path);
    } catch (error) {
      return err(tokenError("token-library", loadCause(error)));
    }
    try {
      lib.C_Initialize();
    } catch (error) {
      if (ckrOf(error) !== "CKR_CRYPTOKI_ALREADY_INITIALIZED")
        return err(tokenError("token-library", loadCause(error)));
    }
    library = { path, lib };
    return ok(lib);
  }

  function login(
    config: TokenConfig,
    pin: string,
  ): Result<{ lib: Pkcs11Library; session: Handle; slot: Handle }, RefundDeskError> {
    const loaded = load(config.module);
    if (!loaded.ok) return loaded;
    const lib = loaded.value;
    const digest = pinDigest(pin);
    if (open && open.token === config.token && open.pin === digest)
      return ok({ lib, session: open.session, slot: open.slot });
    closeSession();
    if (refusedPin === digest) return err(tokenError("token-pin-wrong", "pin-refused-before"));
    const slot = lib
      .C_GetSlotList(true)
      .find((candidate) => lib.C_GetTokenInfo(candidate).label.trimEnd() === config.token);
    if (!slot) return err(tokenError("token-absent", "no-token-with-label"));
    if (lib.C_GetTokenInfo(slot).flags & CK.CKF_USER_PIN_LOCKED)
      return err(tokenError("token-pin-locked", "CKF_USER_PIN_LOCKED"));
    const session = lib.C_OpenSession(slot, CK.CKF_SERIAL_SESSION | CK.CKF_RW_SESSION);
    try {
      lib.C_Login(session, CK.CKU_USER, pin);
    } catch (error) {
      if (ckrOf(error) !== "CKR_USER_ALREADY_LOGGED_IN") {
        const refused = fromThrown(error);
        if (refused.kind === "token-pin-wrong") refusedPin = digest;
        try {
          lib.C_CloseSession(session);
        } catch {
          // Nothing was done in it.
        }
        return err(refused);
      }
    }
    refusedPin = null;
    open = { token: config.token, slot, session, pin: digest };
    return ok({ lib, session, slot });
  }

  function keysLabelled(lib: Pkcs11Library, session: Handle, label: string): Handle[] {
    lib.C_FindObjectsInit(session, [
      { type: CK.CKA_CLASS, value: CK.CKO_SECRET_KEY },
      { type: CK.CKA_LABEL, value: label },
    ]);
    try {
      return lib.C_FindObjects(session, 16);
    } finally {
      lib.C_FindObjectsFinal(session);
    }
  }

  function oneKey(lib: Pkcs11Library, session: Handle, label: string): Result<Handle, RefundDeskError> {
    const keys = keysLabelled(lib, session, label);
    const [key] = keys;
    if (!key) return err(tokenError("token-key-missing", "no-key-with-label"));
    // Two keys under one label may be two Eko keys: signing with either could be the wrong one.
    if (keys.length > 1) return err(tokenError("token-key-missing", "several-keys-with-label"));
    return ok(key);
  }

  /** The base URL a key was put in for: its CKA_ID when that is a URL, else none (vendor-made). */
  function boundTo(lib: Pkcs11Library, session: Handle, key: Handle): string | null {
    const [id] = lib.C_GetAttributeValue(session, key, [{ type: CK.CKA_ID }]);
    const text = id?.value.toString("utf8") ?? "";
    return /^https?:\/\//.test(text) ? text : null;
  }

  function sign(lib: Pkcs11Library, session: Handle, config: TokenConfig, timestampMs: string) {
    const key = oneKey(lib, session, config.key);
    if (!key.ok) return key;
    // A key put in for one environment never signs for another (a custom URL needs its own).
    if (config.baseUrl === null || !signsFor(boundTo(lib, session, key.value), config.baseUrl))
      return err(tokenError("token-key-missing", "key-for-another-base-url"));
    lib.C_SignInit(session, { mechanism: CK.CKM_SHA256_HMAC }, key.value);
    return ok(lib.C_Sign(session, Buffer.from(timestampMs, "utf8"), Buffer.alloc(32)).toString("base64"));
  }

  /** The new key is written first; the older ones under its label go only once it is there. */
  function put(lib: Pkcs11Library, session: Handle, config: TokenConfig, accessKey: string) {
    const older = keysLabelled(lib, session, config.key);
    const value = ekoKeyBytes(accessKey);
    try {
      lib.C_CreateObject(session, [
        { type: CK.CKA_CLASS, value: CK.CKO_SECRET_KEY },
        { type: CK.CKA_KEY_TYPE, value: CK.CKK_GENERIC_SECRET },
        { type: CK.CKA_TOKEN, value: true },
        { type: CK.CKA_PRIVATE, value: true },
        { type: CK.CKA_LABEL, value: config.key },
        ...(config.baseUrl === null ? [] : [{ type: CK.CKA_ID, value: Buffer.from(boundUrl(config.baseUrl), "utf8") }]),
        { type: CK.CKA_SENSITIVE, value: true },
        { type: CK.CKA_EXTRACTABLE, value: false },
        { type: CK.CKA_SIGN, value: true },
        ...Object.values(OTHER_USAGES).map((type) => ({ type, value: false })),
        { type: CK.CKA_VALUE, value },
      ]);
    } finally {
      value.fill(0);
    }
    for (const handle of older) lib.C_DestroyObject(session, handle);
    return ok({ replaced: older.length });
  }

  function flag(lib: Pkcs11Library, session: Handle, key: Handle, type: number): boolean {
    const [attribute] = lib.C_GetAttributeValue(session, key, [{ type }]);
    return attribute?.value[0] === 1;
  }

  function inspect(
    lib: Pkcs11Library,
    session: Handle,
    slot: Handle,
    config: TokenConfig,
  ): Result<KeyFacts, RefundDeskError> {
    const info = lib.C_GetTokenInfo(slot);
    const keys = keysLabelled(lib, session, config.key);
    const base = {
      token: { label: info.label.trimEnd(), manufacturer: info.manufacturerID.trimEnd(), model: info.model.trimEnd() },
      keysWithLabel: keys.length,
      hmacSha256: lib.C_GetMechanismList(slot).includes(CK.CKM_SHA256_HMAC),
    };
    const [key] = keys;
    if (!key)
      return ok({
        ...base,
        genericSecret: false,
        sensitive: false,
        extractable: false,
        sign: false,
        otherUsages: [],
        valueReadable: false,
        boundTo: null,
      });
    const [keyType] = lib.C_GetAttributeValue(session, key, [{ type: CK.CKA_KEY_TYPE }]);
    let valueReadable = false;
    try {
      const [value] = lib.C_GetAttributeValue(session, key, [{ type: CK.CKA_VALUE }]);
      // Asked only to prove it cannot be read; should a token give it, it is wiped at once.
      valueReadable = value !== undefined && value.value.length > 0;
      value?.value.fill(0);
    } catch (error) {
      if (ckrOf(error) !== "CKR_ATTRIBUTE_SENSITIVE") throw error;
    }
    return ok({
      ...base,
      genericSecret: keyType !== undefined && ulong(keyType.value) === CK.CKK_GENERIC_SECRET,
      sensitive: flag(lib, session, key, CK.CKA_SENSITIVE),
      extractable: flag(lib, session, key, CK.CKA_EXTRACTABLE),
      sign: flag(lib, session, key, CK.CKA_SIGN),
      otherUsages: Object.entries(OTHER_USAGES)
        .filter(([, type]) => flag(lib, session, key, type))
        .map(([name]) => name),
      valueReadable,
      boundTo: boundTo(lib, session, key),
    });
  }

  function run(request: TokenRequest): Result<TokenAnswer, RefundDeskError> {
    const opened = login(request.config, request.pin);
    if (!opened.ok) return opened;
    const { lib, session, slot } = opened.value;
    switch (request.op) {
      case "sign":
        return sign(lib, session, request.config, request.timestampMs);
      case "import":
        return put(lib, session, request.config, request.accessKey);
      case "inspect":
        return inspect(lib, session, slot, request.config);
    }
  }

  return {
    handle(request) {
      try {
        return run(request);
      } catch (error) {
        const ckr = ckrOf(error) ?? "";
        // Finalised under it (an earlier worker of this process exiting): initialise again next time.
        if (ckr === "CKR_CRYPTOKI_NOT_INITIALIZED") {
          open = null;
          library = null;
        } else if (SESSION_GONE.has(ckr)) closeSession();
        return err(fromThrown(error));
      }
    },
    close: unload,
  };
}
