/**
 * SoftHSM2 tokens of a test run's own: a configuration naming a token folder in a temporary
 * folder (SOFTHSM2_CONF, set for this process and so for the token's worker), and tokens made in
 * it with softhsm2-util. Nothing is shared with another run or the machine's own tokens.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDataDir } from "./temp-dir";
import { TEST_SECRETS } from "./test-secrets";

/** Where Debian, Homebrew (Apple silicon, Intel) and the Windows installer put the library. */
const SOFTHSM_LIBRARIES = [
  "/usr/lib/softhsm/libsofthsm2.so",
  "/opt/homebrew/lib/softhsm/libsofthsm2.so",
  "/usr/local/lib/softhsm/libsofthsm2.so",
  "C:\\SoftHSM2\\lib\\softhsm2-x64.dll",
];

export function softHsmLibrary(): string | null {
  return SOFTHSM_LIBRARIES.find((path) => existsSync(path)) ?? null;
}

/** Points this process's SoftHSM at a token folder of its own; returns it. */
export function ownSoftHsm(): string {
  const dir = tempDataDir("softhsm");
  const tokens = join(dir, "tokens");
  mkdirSync(tokens);
  const conf = join(dir, "softhsm2.conf");
  writeFileSync(conf, `directories.tokendir = ${tokens}\nobjectstore.backend = file\nlog.level = ERROR\n`);
  process.env.SOFTHSM2_CONF = conf;
  return dir;
}

/** A new token with the test user PIN and security officer PIN. */
export function initToken(label: string): void {
  execFileSync(
    "softhsm2-util",
    [
      "--init-token",
      "--free",
      "--label",
      label,
      "--pin",
      TEST_SECRETS.tokenPins.user,
      "--so-pin",
      TEST_SECRETS.tokenPins.securityOfficer,
    ],
    { stdio: "ignore" },
  );
}

/**
 * Makes a secret key in a token the way a vendor's tool could, with the attributes given, in a
 * child process: the test's own token worker keeps the library loaded in this one.
 */
export function makeKeyWithVendorTool(
  library: string,
  token: string,
  key: { label: string; type: "generic" | "aes"; sign: boolean; extractable: boolean; sensitive: boolean },
): void {
  const script = `
    const p11 = require("pkcs11js");
    const [library, token, pin, key] = JSON.parse(process.argv[1]);
    const p = new p11.PKCS11();
    p.load(library);
    p.C_Initialize();
    const slot = p.C_GetSlotList(true).find((s) => p.C_GetTokenInfo(s).label.trimEnd() === token);
    const session = p.C_OpenSession(slot, p11.CKF_SERIAL_SESSION | p11.CKF_RW_SESSION);
    p.C_Login(session, p11.CKU_USER, pin);
    p.C_CreateObject(session, [
      { type: p11.CKA_CLASS, value: p11.CKO_SECRET_KEY },
      { type: p11.CKA_KEY_TYPE, value: key.type === "aes" ? p11.CKK_AES : p11.CKK_GENERIC_SECRET },
      { type: p11.CKA_TOKEN, value: true },
      { type: p11.CKA_PRIVATE, value: true },
      { type: p11.CKA_LABEL, value: key.label },
      { type: p11.CKA_SIGN, value: key.sign },
      { type: p11.CKA_ENCRYPT, value: key.type === "aes" },
      { type: p11.CKA_SENSITIVE, value: key.sensitive },
      { type: p11.CKA_EXTRACTABLE, value: key.extractable },
      { type: p11.CKA_VALUE, value: require("node:crypto").randomBytes(32) },
    ]);
    p.C_Logout(session);
    p.C_Finalize();
  `;
  execFileSync(process.execPath, ["-e", script, JSON.stringify([library, token, TEST_SECRETS.tokenPins.user, key])], {
    stdio: "ignore",
    cwd: join(__dirname, "..", ".."),
  });
}
