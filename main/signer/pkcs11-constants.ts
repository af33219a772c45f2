/**
 * The PKCS#11 (v2.40) numbers this app uses, from the standard's header. Written out rather than
 * read from pkcs11js so the session logic loads without the native module (its tests use a stub);
 * main/signer/pkcs11.softhsm.test.ts checks each against pkcs11js's own.
 */
export const CK = {
  CKO_SECRET_KEY: 0x4,
  CKK_GENERIC_SECRET: 0x10,
  CKA_CLASS: 0x0,
  CKA_TOKEN: 0x1,
  CKA_PRIVATE: 0x2,
  CKA_LABEL: 0x3,
  CKA_VALUE: 0x11,
  CKA_ID: 0x102,
  CKA_KEY_TYPE: 0x100,
  CKA_SENSITIVE: 0x103,
  CKA_ENCRYPT: 0x104,
  CKA_DECRYPT: 0x105,
  CKA_WRAP: 0x106,
  CKA_UNWRAP: 0x107,
  CKA_SIGN: 0x108,
  CKA_VERIFY: 0x10a,
  CKA_DERIVE: 0x10c,
  CKA_EXTRACTABLE: 0x162,
  CKM_SHA256_HMAC: 0x251,
  CKU_USER: 1,
  CKF_RW_SESSION: 0x2,
  CKF_SERIAL_SESSION: 0x4,
  CKF_USER_PIN_LOCKED: 0x40000,
} as const;
