/**
 * A PKCS#11 library of the test's making: what SoftHSM cannot be made to do (lock its PIN, lose
 * its token mid-session, hang) on request. It signs with Node's HMAC over the key it was given.
 */
import { createHmac } from "node:crypto";
import type { Pkcs11Library } from "../signer/pkcs11-session";

export interface StubBehaviour {
  label?: string;
  pin?: string;
  /** The token's flags say its user PIN is locked. */
  flagsLocked?: boolean;
  /** C_Login throws this CKR name whatever the PIN. */
  loginThrows?: string;
  /** The next C_Sign calls throw these CKR names, one each ("": that one signs). */
  signThrows?: string[];
  /** C_Sign blocks the thread this long (a slow network HSM, a hung token)… */
  signBlocksMs?: number;
  /** …once this many signs have been made without blocking (a warm-up). */
  signBlocksAfter?: number;
  /** The base URL the key was put in for (its CKA_ID); none: a vendor-made key. */
  boundTo?: string;
  /** The key's bytes (already Eko's: UTF-8 of base64(access key)). */
  keyBytes?: number[];
}

export interface StubCounts {
  initialized: number;
  logins: number;
  sessions: number;
  signs: number;
}

const CKR = (name: string) => new Error(`${name}:0`);

export function stubPkcs11(behaviour: StubBehaviour, counts: StubCounts): Pkcs11Library {
  const keyHandle = Buffer.from([7]);
  // Shared by every library object made from this behaviour: a failure is used up once.
  const signThrows = (behaviour.signThrows ??= []);
  // Finalised under this object (CKR_CRYPTOKI_NOT_INITIALIZED): every call fails from then on.
  let live = true;
  const alive = () => {
    if (!live) throw CKR("CKR_CRYPTOKI_NOT_INITIALIZED");
  };
  return {
    load() {},
    C_Initialize() {
      counts.initialized += 1;
    },
    C_Finalize() {},
    C_GetSlotList: () => {
      alive();
      return [Buffer.from([1])];
    },
    C_GetTokenInfo: () => ({
      label: (behaviour.label ?? "stub").padEnd(32, " "),
      manufacturerID: "stub",
      model: "stub",
      flags: behaviour.flagsLocked ? 0x40000 : 0,
    }),
    C_GetMechanismList: () => [0x251],
    C_OpenSession() {
      counts.sessions += 1;
      return Buffer.from([counts.sessions]);
    },
    C_CloseSession() {},
    C_Login(_session, _user, pin) {
      counts.logins += 1;
      if (behaviour.loginThrows) throw CKR(behaviour.loginThrows);
      if (pin !== behaviour.pin) throw CKR("CKR_PIN_INCORRECT");
    },
    C_FindObjectsInit() {},
    C_FindObjects: () => [keyHandle],
    C_FindObjectsFinal() {},
    C_GetAttributeValue: (_session, _key, [asked]) =>
      asked?.type === 0x102 && behaviour.boundTo
        ? [{ type: asked.type, value: Buffer.from(behaviour.boundTo, "utf8") }]
        : [],
    C_CreateObject: () => keyHandle,
    C_DestroyObject() {},
    C_SignInit() {},
    C_Sign(_session, data) {
      alive();
      counts.signs += 1;
      const thrown = signThrows.shift();
      if (thrown === "CKR_CRYPTOKI_NOT_INITIALIZED") live = false;
      if (thrown) throw CKR(thrown);
      if (behaviour.signBlocksMs && counts.signs > (behaviour.signBlocksAfter ?? 0))
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, behaviour.signBlocksMs);
      return createHmac("sha256", Buffer.from(behaviour.keyBytes ?? []))
        .update(data)
        .digest();
    },
  };
}
