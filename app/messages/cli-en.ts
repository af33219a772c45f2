/**
 * The command line's own words where the window's would mislead it (a button to press, "the
 * details below", a unit as the window's field takes it): describeError(…, forCli(lang)) reads
 * each family here over the window's catalogue. Main's alone, so the window's first screen never
 * carries them (cli-words.ts).
 */
import type { ErrorKind } from "../errors";
import type { MobileInvalidReason } from "../pending";
import type { OtpInvalidReason } from "../refund";
import type { Advice, SettingField, TidInvalidReason } from "./en";

export const cliEn = {
  errors: {
    timeout: {
      title: "Eko did not answer within {seconds} seconds",
      action: "Run the command again in a minute.",
    },
    "not-refundable": {
      title: "Eko says this transaction cannot be refunded now",
      action:
        "Eko did not say why: the transfer may have gone through, still be in progress or be on hold. Run refund-desk inquire with the same tid to see its status. If the customer insists, call support.",
    },
    "auth-rejected": {
      title: "Eko did not accept this counter's keys",
      action:
        "Ask your IT admin to check the developer key (refund-desk config show) and the access key (refund-desk set-key). Test (UAT) keys do not work on Production, and Production keys do not work on UAT.",
    },
    "wrong-url": {
      title: "The Eko address in the settings is wrong",
      action: "Ask your IT admin to check environment and base-url (refund-desk config show).",
    },
    "content-type-refused": {
      title: "Eko refused the form of the app's request (its content type)",
      action:
        "This is a fault of the app or of a proxy on the branch network, not of Eko's server. Call support and read them the details that the same command prints with --json.",
    },
    "bad-response": {
      title: "Eko's answer could not be understood",
      action:
        "Run the command again. If it happens again, call support and read them the details that the same command prints with --json.",
    },
    "token-failed": {
      title: "The security token refused to sign",
      action:
        "Nothing was sent. Call your IT admin and read them the details that the same command prints with --json.",
    },
    busy: {
      title: "A request for transaction {tid} is already running",
      action: "Wait for it to finish, then run the command again.",
    },
    "wrong-otp": {
      title: "The OTP is wrong",
      action: "Ask the customer to read the OTP from the SMS again, then run refund again with it.",
    },
    "otp-expired": {
      title: "The OTP has expired",
      action: "Send the customer a new OTP (refund-desk otp), then refund with the new OTP and its --otp-ref.",
    },
    "otp-ref-needed": {
      title: "Eko did not accept the refund with the OTP from the failure SMS",
      action:
        "No money moved. Send the customer an OTP (refund-desk otp), then refund with the OTP from that new SMS and its --otp-ref.",
    },
    "refund-outcome-unknown": {
      title: "It is not known whether the refund for transaction {tid} went through",
      action:
        "Eko's answer did not arrive. Run refund-desk inquire {tid} before anything else; no new refund for it is allowed until Eko answers.",
    },
    "set-by-policy": {
      title: "These settings come from the machine policy",
      action:
        "Ask your IT admin to change them in the policy (Group Policy, MDM or policy.json). The access key can still be set with refund-desk set-key.",
    },
    "locked-down": {
      title: "This counter is locked: its machine policy cannot be used",
      action:
        "No request goes to Eko until an administrator fixes it. Call your IT admin and read them what refund-desk doctor says.",
    },
    internal: {
      title: "Something went wrong inside Refund Desk",
      action: "Run the command again. If it keeps happening, call support.",
    },
  } satisfies Partial<Record<ErrorKind, Advice>>,
  /** A timeout's next step by the request that waited: only an OTP may still reach the customer. */
  timeoutAfter: {
    otp: "The OTP may still arrive: ask the customer whether an SMS came before running otp again.",
    inquiry: "A check changes nothing at Eko: run it again in a minute.",
    pending: "A search changes nothing at Eko: run it again in a minute.",
  },
  invalidTid: {
    empty: {
      title: "The transaction ID is missing",
      action:
        "Give the transaction ID from the customer's receipt after the command, e.g. refund-desk inquire 13192443.",
    },
    "not-digits": {
      title: "The transaction ID can only contain digits",
      action: "Remove letters, spaces and other signs, then run the command again.",
    },
    "not-text": {
      title: "The transaction ID could not be read",
      action: "Give the number again, digits only.",
    },
  } satisfies Partial<Record<TidInvalidReason, Advice>>,
  invalidOtp: {
    empty: {
      title: "No OTP came on standard input",
      action:
        "Ask the customer for the OTP in the SMS and give it on standard input: printf '%s' \"$OTP\" | refund-desk refund <tid>.",
    },
    "not-text": {
      title: "The OTP could not be read",
      action: "Give the OTP again on standard input, digits only.",
    },
  } satisfies Partial<Record<OtpInvalidReason, Advice>>,
  invalidMobile: {
    "not-text": {
      title: "The mobile number could not be read",
      action: "Give the number again: 10 digits.",
    },
  } satisfies Partial<Record<MobileInvalidReason, Advice>>,
  invalidSetting: {
    environment: {
      title: "The environment is not valid",
      action: "Use practice, uat, production or custom.",
    },
    timeoutMs: {
      title: "The waiting time is not valid",
      action: "timeout-ms takes milliseconds: a whole number from 1000 to 120000 (15000 is 15 s).",
    },
    resendCooldownMs: {
      title: "The wait before resend is not valid",
      action: "resend-cooldown-ms takes milliseconds: a whole number from 0 to 600000 (0 turns the wait off).",
    },
    accessKey: {
      title: "The access key is missing or not valid",
      action:
        "Give the access key you got from Eko on standard input: printf '%s' \"$ACCESS_KEY\" | refund-desk set-key.",
    },
    paperSize: {
      title: "The paper size is not valid",
      action: "Use 58mm, 80mm or a4.",
    },
    agentCopy: {
      title: "The agent's copy setting is not valid",
      action: "Use kiosk, always or never.",
    },
    receiptLanguages: {
      title: "The receipt language is not valid",
      action: "Use interface or both.",
    },
    rbiGrievance: {
      title: "The RBI complaint route setting is not valid",
      action: "Use on or off.",
    },
    signer: {
      title: "The signer is not valid",
      action: "Use keychain or pkcs11.",
    },
  } satisfies Partial<Record<SettingField, Advice>>,
  ekoCodes: {
    "303": "The OTP has expired. Send the customer a new OTP with refund-desk otp.",
    "319": "The initiator ID in the settings (initiator-id) is not registered with Eko. Ask your IT admin to check it.",
    "463": "Eko cannot find the user the settings name. Ask your IT admin to check initiator-id.",
  },
  accessKeyNeedsEnvironment: {
    title: "An access key belongs to UAT, production or a custom URL",
    action:
      "Set the environment first (refund-desk config set environment uat, or custom with its base-url): the key is stored for that environment and signs for it alone.",
  },
  invalidOther: {
    title: "Refund Desk was given something it cannot use",
    action: "Check the command and its arguments (refund-desk --help). If it keeps happening, call support.",
  },
  /** The answers of otp, inquire and refund; the rest of their labels are the window's. */
  out: {
    otpSent: "The OTP went to the customer's mobile: transaction {tid}, sent {time} ({environment}).",
    status: "Status",
    next: "Next",
    checkedAt: "Checked",
    account: "account ending {last4}",
    refunded: "Refunded: transaction {tid}",
    ofTransaction: "{amount} (the transaction's amount)",
    confirmedBy: "Confirmed by",
    byRefund: "Eko's answer to the refund.",
  },
  /** Standard error while Eko is awaited past 2 s. */
  stillWaiting: "still waiting for Eko ({seconds} s)…",
  /** The journal commands, for IT: verify, export and the day's summary. */
  journal: {
    datesFormat: "--from and --to must be dates written YYYY-MM-DD",
    fromAfterTo: "--from is after --to",
    osLogFileAlone: "--os-log-file and --os-log-account go with --against-os-log",
    osLogWholeJournal: "--against-os-log checks the whole journal: leave out --from and --to",
    osLogUnreadable: "the OS log could not be read: {why}",
    noSystemFolder: "the system folder could not be found",
    broken:
      "journal chain broken at {file} line {line} ({why}): lines from there on were changed, removed or reordered",
    unsealed: "a line without its seal",
    unlinked: "does not link to the line before",
    intact: "journal chain intact: {lines} line(s) in {files} file(s){before}{kept}{torn}",
    tornLines: "; {n} torn line(s), writes cut short by a crash or a full disk (the first at {file} line {line})",
    olderLines: "; {n} older line(s) from before the chain",
    keptFrom: "; kept from {month} (the months before were removed by retention)",
    head: "head {head}",
    witnessed:
      "OS log: {witnessed} line(s) witnessed, every one still in the journal; {tail} line(s) written since the last",
    witnessMismatch: "OS log: the journal does not match what the OS log witnessed ({witnessed} line(s)):",
    witnessMissing: "{n} line(s) the OS log saw are no longer in the journal, the first:",
    otherAccounts: "OS log: {n} line(s) of other journals (another account or PC), not held against this one",
    witnessNone: "the OS log has no line of this journal's ({account}): nothing vouches for its lines",
    witnessHeadLost:
      "the journal no longer reaches the last head the OS log saw ({head}): its end was cut or rewritten",
    unknownCommand: 'unknown journal command "{name}"',
    jsonNeedsOut: "--json needs --out <file>",
    cannotWrite: "{out} cannot be written ({code})",
    exported: "{rows} request(s) exported{to}{skipped}",
    exportedTo: " to {out}",
    damagedSkipped: "; {n} damaged line(s) skipped",
    damagedLines: "{n} damaged line(s) skipped",
    nothingExported: "nothing was exported. {advice} ({kind})",
    kioskNeedsPin:
      "This is a kiosk counter: exporting the journal needs the admin PIN on standard input, e.g. printf '%s' \"$PIN\" | refund-desk journal export …",
    dateFormat: "--date must be a date written YYYY-MM-DD",
    summary: {
      day: "day",
      refunds: "refunds done",
      refundedTotal: "total refunded",
      withoutAmount: " (+ {n} confirmed by a check, amount not given by Eko)",
      fees: "fees",
      otpsSent: "OTPs sent",
      checks: "checks",
      reprints: "reprints",
      lookups: "mobile searches",
      failures: "failures",
      none: "none",
    },
  },
  /** `pin-hash`: the hash on standard output, how long an offline search takes on standard error. */
  pinHash: {
    onlyStdin:
      "the PIN is read from standard input; never pass it as an argument (it would stay in the shell history).",
    tooWeak: "The admin PIN must be at least 6 digits, or a passphrase of at least 10 characters.",
    offline: "Offline search, measured on this computer: {text}.",
    digitsPin: "a {length}-digit PIN",
    passphrase: "a {length}-character passphrase (random characters of its kinds: {alphabet}^{length})",
    phraseTail: "; a phrase of words falls far sooner",
    search: "{what} at ln={ln}: about {guesses} × {perGuess} = {duration} on one core{tail}",
    milliseconds: "{n} ms",
    seconds: "{n} s",
    minutes: "{n} minutes",
    hours: "{n} hours",
    days: "{n} days",
    years: "{n} years",
  },
  /** `config show`, `config set` and `set-key`. */
  config: {
    unknownSetting: 'unknown setting "{name}"; one of: {names}',
    needsValue: "{name} needs a value",
    givenTwice: "{name} is given twice",
    wholeNumber: "{name} must be a whole number of {unit}",
    units: { milliseconds: "milliseconds", minutes: "minutes", months: "months" },
    onOrOff: "{name} must be on or off",
    noSettings: "name at least one setting and its value",
    usage: "usage: refund-desk config show [--json] | config set <name> <value> [<name> <value> …]",
    nothingChanged: "nothing was changed:",
    none: "(none)",
    on: "on",
    off: "off",
    hidden: "(hidden while the settings are locked)",
    notSetPolicy: "(not set: a policy sets it)",
    notSet: "(not set)",
    accessKey: "access key",
    tokenPin: "token PIN",
    inKeychain: "stored in the system keychain",
    inToken: "not in the keychain (the token holds it)",
    notStored: "not stored",
    keychainUnavailable: "keychain unavailable",
    counter: "counter",
    notProvisioned: "(not provisioned)",
    kioskMode: "kiosk mode",
    settingsLock: "settings lock",
    locked: "locked",
    unlocked: "unlocked",
    adminPin: "admin PIN",
    pinSet: "set",
    pinNotSet: "not set",
    policyFrom: "policy from",
    fromMachine: "the machine-wide policy",
    fromProvisioning: "provisioning",
    fromNone: "none",
    lockedDown: "LOCKED DOWN, nothing goes to Eko: {path} cannot be used: {why}",
    attention: "needs attention: {notices}",
    keyInToken: "The access key is in the token {token} as {key}; none is left in the keychain.",
    keyStored: "The access key is stored in the system keychain.",
    keyOnlyStdin:
      "set-key reads the access key from standard input; never pass it as an argument (it would stay in the shell history).",
    tokenPinOnlyStdin: "set-token-pin reads the PIN from standard input; never pass it as an argument.",
    tokenPinStored: "The token PIN is stored in the system keychain.",
  },
  /** `provision`: each refusal says that nothing was changed, or what to do when something was. */
  provision: {
    usageNote:
      "On a counter that has an admin PIN, give that PIN (--pin-stdin or --pin-file) or run as an administrator (root).",
    fileRequired: "--file <policy.json> is required",
    keyOneWay: "give the access key one way: --key-stdin or --key-file",
    pinOneWay: "give the admin PIN one way: --pin-stdin or --pin-file",
    stdinOne: "standard input can carry the key or the PIN, not both: use --pin-file or --key-file for one",
    policyInvalid: "the policy file is not valid; nothing was changed",
    practiceKey:
      "Practice signs with the simulator's own key: give the access key with a uat, production or custom policy; nothing was changed",
    keyTooLong: "the access key is too long to be an Eko access key; nothing was changed",
    keyEmpty: "the access key is empty; nothing was changed",
    noKey:
      "no access key is stored for {environment} and none was given: add --key-stdin or --key-file; nothing was changed",
    notUpdated: "the data folder {dir} could not be updated ({code}); run provisioning again",
    pinRequired:
      "this counter has an admin PIN: give it with --pin-stdin or --pin-file, or run provisioning as an administrator (root); nothing was changed",
    lockUnreadable:
      "this counter's lock cannot be read: run provisioning as an administrator (root); nothing was changed",
    pinWait: "too many wrong admin PINs: try again in {seconds} s; nothing was changed",
    stateUnreadable:
      "this counter's shared record ({file}) cannot be read, so no PIN is checked: {cause}; nothing was changed",
    wrongPin: "the admin PIN is not right; nothing was changed",
    notPinFile: "{path} is not an admin PIN file; nothing was changed",
    pinFileUnreadable: "the PIN file {path} cannot be read ({code}); nothing was changed",
    policyTooLarge: "the policy file {path} is too large to be a policy; nothing was changed",
    policyUnreadable: "the policy file {path} cannot be read ({code}); nothing was changed",
    keyFileLink:
      "{path} is a link or has other names: give the key file itself; it was left as it is and nothing was changed",
    keyFileUnusable: "the key file {path} cannot be used ({code}); nothing was changed",
    keyFileNotRegular:
      "the key file {path} cannot be used ({code}): it must be a regular file this account can read and overwrite; nothing was changed",
    notKeyFile: "{path} is not an access key file; it was left as it is and nothing was changed",
    keyFileNotOverwritten:
      "the key file {path} could not be overwritten ({code}): delete it by hand; the key was not stored and nothing was changed",
    keyFileNotDeleted:
      "the key file {path} was overwritten with zeros but could not be deleted ({code}): delete it by hand; nothing was changed",
    dataUnwritable: "the data folder {dir} cannot be written ({code}); nothing was changed",
    notApplied: "{advice} (The policy was not applied.)",
    done: 'Provisioned counter "{counter}" (data folder {dir})',
    environment: "environment",
    kioskMode: "kiosk mode",
    settingsLocked: "settings locked",
    adminPin: "admin PIN",
    accessKey: "access key",
    keyFile: "key file",
    lockKeptIn: "lock kept in",
    on: "on",
    off: "off",
    yes: "yes",
    no: "no",
    pinSet: "set (kept as a salted scrypt hash)",
    none: "none",
    keyStored: "stored in the system keychain",
    keyInToken: "in the token (sensitive, not extractable, sign-only); none in the keychain",
    keyKept: "unchanged",
    keyNone: "none (not needed in Practice)",
    keyFileRemoved: "overwritten and deleted",
    lockInKeychain: "the system keychain (a copy in the data folder)",
    lockInFolder: "the data folder only (no keychain)",
    machineWins: "Note: the machine-wide policy {origin} is in force and wins over this.",
  },
  /** The option parser's refusals, for any command. */
  options: {
    unexpected: 'unexpected argument "{arg}"',
    givenTwice: "{arg} is given twice",
    needsValue: "{arg} needs a value",
    unknown: "unknown option {arg}",
    meantOption: " (did you mean --{meant}?)",
    unknownCommand: 'unknown command "{command}"',
    meantCommand: ' (did you mean "{meant}"?)',
  },
  doctor: {
    /** The probe asks for the base URL itself, which has no page: any HTTP answer means the server is there. */
    reachable:
      "Eko's server answered (HTTP {status} to the probe, as expected: any HTTP answer means it can be reached).",
    practiceReachable:
      "The practice simulator answered (HTTP {status} to the probe, as expected: any HTTP answer means it runs).",
    clock: {
      eko: {
        matches: "This computer's clock matches Eko's ({offset} apart).",
        behind: "This computer's clock is {offset} behind Eko's.",
        ahead: "This computer's clock is {offset} ahead of Eko's.",
      },
      practice: {
        matches: "This computer's clock matches the practice simulator's ({offset} apart).",
        behind: "This computer's clock is {offset} behind the practice simulator's.",
        ahead: "This computer's clock is {offset} ahead of the practice simulator's.",
      },
    },
  },
};

export type CliMessages = typeof cliEn;
