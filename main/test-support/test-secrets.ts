/**
 * Every secret the suites use, in one place: the leak scan (e2e/leak/) seeks each of these in
 * UTF-8, UTF-16LE and base64 forms in everything the run leaves behind. A suite that needs a new
 * key, PIN, OTP or customer mobile adds it here rather than spelling it in its own file.
 * Each is distinctive on purpose, so a finding cannot be a timestamp, port or id by chance.
 */
export const TEST_SECRETS = {
  accessKeys: {
    /** The key the e2e specs store through the Settings screen. */
    e2e: "e2e-4ccess-key-do-not-leak-7f3a91",
    /** The key the CLI process test stores with set-key. */
    cliProcess: "cli-process-4ccess-key-do-not-leak-19c2",
    /** A plain ASCII key for the signing checks. */
    signing: "sign-4ccess-key-do-not-leak-0b6e2d",
    /** Non-ASCII keys: their UTF-8 and latin1 bytes differ. */
    latin1Letters: "clé-d'accès-ñandú-do-not-leak",
    devanagari: "कुंजी-पहुँच-do-not-leak-51",
    /** The key the IPC fuzz stores outside Practice. */
    fuzz: "fuzz-4ccess-key-do-not-leak-a4c7e0",
    /** The key main/ipc/dispatch.test.ts stores through the handler table. */
    dispatch: "dispatch-4ccess-key-do-not-leak-3d81c5",
    /** The key main/leak-checks/ signs with while producing every error kind. */
    leakCheck: "leak-check-4ccess-key-do-not-leak-e91b72",
    /** Keys put into a SoftHSM token (main/signer/): set-key, provision and a rotation. */
    token: "token-4ccess-key-do-not-leak-5e29b1",
    tokenRotated: "token-rotated-4ccess-key-do-not-leak-c07a",
    tokenProvisioned: "token-provisioned-4ccess-key-do-not-leak-88",
    /** The key main/cli/config-show.test.ts provisions. */
    configShow: "config-show-4ccess-key-do-not-leak-6b40",
    /** Unit tests' keys: a locked counter refusing one, an admin's replacement, the CLI's, provisioning's. */
    lockedOut: "a-new-key-nobody-may-set",
    adminReplaced: "replaced-by-the-admin",
    cliUnit: "cli-test-access-key-7",
    provision: "provision-test-access-key-5d1e-never-on-disk",
    journal: "journal-test-access-key-3f9a-never-on-disk",
    /** A key a policy file tries to carry (refused). */
    inPolicy: "never-in-a-policy",
    customUrl: "custom-access-key-42",
  },
  /** The SoftHSM tokens' PINs (main/signer/): user, security officer, and a wrong one. */
  tokenPins: {
    user: "40718263",
    securityOfficer: "95173840",
    wrong: "26093718",
  },
  adminPins: {
    /** The PIN e2e/specs/kiosk.spec.ts types. */
    e2e: "73915846",
    /** The PIN the counter's own account sets for itself in its data folder (the lock tests). */
    other: "58204719",
    /** The kiosk's PIN main/cli/journal-kiosk.test.ts pipes to `journal export`. */
    cliKiosk: "61849203",
    /** A wrong PIN for the same tests. */
    cliKioskWrong: "30572916",
    /** The kiosk's PIN main/leak-checks/ types, right and wrong, through IPC and the CLI. */
    leakCheck: "27604951",
    leakCheckWrong: "84163907",
    /** The right and a wrong PIN of the PIN checks run in parallel processes (counter-state.process.test.ts). */
    processes: "52830617",
    wrongProcesses: "61940728",
    /** The PIN of the locked counter main/cli/config-show.test.ts provisions. */
    configShow: "39462108",
    /** The admin PINs of the lock, PIN gate, desk admin and provisioning unit tests, right and wrong. */
    lockRecord: "602913",
    /** The PIN of main/admin/admin.test.ts's hash made ahead with scryptSync. */
    hashVector: "482913",
    deskAdmin: "593817",
    deskAdminWrong: "318264",
    exportWrong: "927350",
    pinGate: "135790",
    pinGateWrong: "746021",
    cliProcessKiosk: "604172",
    provision: "048213",
    provisionAgain: "730214",
  },
  /** Admin passphrases in place of digit PINs: sought as text, like a key. */
  adminPassphrases: {
    policy: "correct horse",
  },
  /**
   * In the registry so no test spells them, but not sought by the leak scan: Eko's published signing
   * vectors (public, and named in test titles) and an OTP planted in a hand-edited journal line that
   * is left in the run's artifacts on purpose.
   */
  unsought: {
    signingVector: "test-access-key-123",
    signingVectorUpper: "TEST_ACCESS_KEY_DO_NOT_USE",
    plantedOtp: "70263815",
  },
  otps: {
    /** Practice's right OTP (the simulator's, shown on screen in Practice). */
    practice: "123456",
    /** The wrong OTP e2e/specs/refund.spec.ts types. */
    wrongE2e: "80417293",
    /** The OTP main/leak-checks/ sends with every refund refusal. */
    leakCheck: "46092817",
    /** An OTP Eko's refusal echoes back (the app must not repeat it). */
    echoedByEko: "905718",
    /** A customer's OTP other than Practice's, typed in the unit tests. */
    other: "654321",
    /** An OTP with a leading zero, and a wrong one beside it. */
    leadingZero: "012345",
    leadingZeroWrong: "123450",
    /** The OTP main/refund/otp-never-kept.test.ts sends and then seeks everywhere. */
    neverKept: "73915246",
    /** Wrong OTPs the refund flow's tests count. */
    wrong1: "318407",
    wrong2: "529176",
    wrong3: "640283",
    wrong4: "751394",
    wrong5: "862405",
  },
  customerMobiles: {
    /** Typed into find by mobile by receipts.spec.ts, screenshots.spec.ts and pending-refunds.test.ts. */
    withPending: "6111111111",
    withNone: "7000012345",
    other: "5111111111",
  },
  /** A mobile as typed with a space, sought as bytes. */
  customerMobileForms: {
    spaced: "70000 12345",
  },
} as const;

/** Access keys, as the leak scan seeks them. */
export const ALL_TEST_ACCESS_KEYS: readonly string[] = Object.values(TEST_SECRETS.accessKeys);
export const ALL_TEST_PINS: readonly string[] = [
  ...Object.values(TEST_SECRETS.adminPins),
  ...Object.values(TEST_SECRETS.tokenPins),
];
export const ALL_TEST_PASSPHRASES: readonly string[] = Object.values(TEST_SECRETS.adminPassphrases);
export const ALL_TEST_OTPS: readonly string[] = Object.values(TEST_SECRETS.otps);
export const ALL_TEST_MOBILES: readonly string[] = Object.values(TEST_SECRETS.customerMobiles);
export const ALL_TEST_MOBILE_FORMS: readonly string[] = Object.values(TEST_SECRETS.customerMobileForms);
