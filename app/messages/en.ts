/**
 * English UI text: the reference catalogue. `Messages` is derived from it and the Hindi catalogue
 * is typed against it, so a key missing in either language fails `tsc`.
 *
 * Leaves are plain strings; `{name}` marks a value filled in at run time (see `fill` in
 * describe-error.ts; the renderer reads the same text by key, translate.ts). Every
 * language must use the same placeholders (checked by messages.test.ts), and every key must be
 * used somewhere (key-usage.test.ts): a new error kind needs its English and Hindi entry here and
 * in hi.ts, and describeError reads it through `m.errors[kind]`.
 */
import type { DoctorCheckId, DoctorStatus } from "../doctor";
import type { ErrorKind, SettingName } from "../errors";
import type { MobileInvalidReason } from "../pending";
import type { OtpInvalidReason } from "../refund";
import type { AgentCopy, Environment, PaperSize, PracticeScenarioId, ReceiptLanguages } from "../settings";
import type { FieldName, FormField } from "../setting-fields";
import type { TxState } from "../transaction";

export interface Advice {
  title: string;
  action: string;
}

/** Settings fields an error can name: the contract's names plus the patch field for the custom URL. */
export type SettingField = SettingName | "customBaseUrl";

/** The reasons app/tid.ts gives for refusing a tid. */
export type TidInvalidReason = "empty" | "not-digits" | "too-long" | "not-text";

type DoctorCheckText = { name: string } & Record<DoctorStatus, string>;

export const en = {
  app: {
    name: "Refund Desk",
    loading: "Loading settings…",
  },
  lang: {
    /** The button shows the language it switches to, written in that language. */
    switchTo: "हिन्दी",
    switchToLang: "hi",
    switchLabel: "Show the app in Hindi",
  },
  nav: {
    label: "Main menu",
    request: "Refund",
    settings: "Settings",
    history: "History",
  },
  display: {
    /** A toggle (aria-pressed) in the header; remembered on this computer. */
    largeText: "Larger text",
  },
  env: {
    badge: {
      practice: "Practice",
      uat: "UAT test server",
      production: "PRODUCTION — real customers",
      custom: "Custom server",
    } satisfies Record<Environment, string>,
    /** The strip's landmark name, so screen-reader users can jump to where requests go. */
    stripLabel: "Where requests go",
    /** The strip above every screen, in the environment's colour (Practice has its own words). */
    strip: {
      uat: "UAT — Eko's test server, no real money",
      production: "PRODUCTION — real customers, real money",
      custom: "CUSTOM SERVER — ask your IT admin where requests go",
    } satisfies Record<Exclude<Environment, "practice">, string>,
    option: {
      practice: "Practice (no real customer is contacted)",
      uat: "UAT (Eko's test server)",
      production: "Production (real customers)",
      custom: "Custom base URL",
    } satisfies Record<Environment, string>,
  },
  practice: {
    banner: "PRACTICE — no real customer is contacted",
    bannerDetail: "Answers come from a built-in simulator, not from Eko.",
    demo: "DEMO in a web browser — Practice only; nothing is kept once it is closed. Counters use the Refund Desk app.",
    listTitle: "Practice transaction IDs",
    listHint: "Choose one to put it in the field, then press Enter.",
    scenarios: {
      "refund-pending": "Waiting for a refund: the whole refund",
      "already-refunded": "Already refunded",
      "transfer-succeeded": "Transfer went through",
      "transfer-failed": "Transfer failed, no refund waiting",
      "in-progress": "Transfer still in progress",
      "on-hold": "Transfer on hold",
      "unknown-status": "A status the app does not know",
      "answer-lost-refunded": "Refund answer lost, refund made",
      "answer-lost-not-refunded": "Refund answer lost, no refund",
      "insufficient-balance": "Not enough balance",
      "otp-expired": "OTP expired",
      "unknown-tid": "Unknown transaction ID",
      "otp-eko-error": "Eko error when sending the OTP",
      "otp-slow": "Slow answer when sending the OTP",
    } satisfies Record<PracticeScenarioId, string>,
  },
  request: {
    title: "Refund a failed transfer",
    intro: "Type the transaction ID from the customer's receipt and press Enter to check it with Eko.",
    tidLabel: "Transaction ID",
    tidHint: "Digits only, as printed on the receipt.",
    send: "Send OTP to customer",
    /** Above the field after a reload or restart brought back a refund not finished. */
    restored: "Restored after restart — check the tid with the customer",
    restoredHint: "Press Enter to check it with Eko again; Refund opens after the check.",
    sending: "Sending…",
    /** Announced to screen readers while the request is out. */
    sendingStatus: "Sending the request. Wait for the answer on the screen.",
    /** Clears the field and the answer for the next customer (Alt+N). */
    newRequest: "New request",
  },
  result: {
    title: "OTP sent",
    refLabel: "OTP reference (otp_ref_id)",
    copy: "Copy",
    copied: "Copied",
    copyFailed: "Could not copy. Select the reference and copy it by hand.",
    resend: "Resend OTP",
    resending: "Resending…",
    /** The Resend button while the resend cooldown runs; {time} counts down ("24 s"). */
    resendIn: "Resend in {time}",
    resendHint: "No SMS after a minute? Press Resend OTP.",
    resendWaitHint:
      "SMS can take a minute to arrive. Resend opens after a short wait, so the customer is not flooded with SMS.",
    /** Beside a reference Eko said has expired: it can no longer refund. */
    expired: "Expired",
  },
  /** The status line where the transaction was, once the refund is done. */
  flowStatus: {
    refundedNow: "Refunded just now",
    confirmedByEko: "Refund confirmed by Eko",
  },
  /** The line under the header when this computer's clock is far from the server's. */
  clockStatus: {
    eko: {
      behind: "This computer's clock is {offset} behind Eko's. Refund Desk corrects for it; ask IT to fix the clock.",
      ahead: "This computer's clock is {offset} ahead of Eko's. Refund Desk corrects for it; ask IT to fix the clock.",
    },
    practice: {
      behind: "This computer's clock is {offset} behind the practice simulator's. Refund Desk corrects for it.",
      ahead: "This computer's clock is {offset} ahead of the practice simulator's. Refund Desk corrects for it.",
    },
  },
  errorPanel: {
    /** Under Eko's own words in Hindi, for a code in ekoMeaning. */
    ekoMeaning: "Meaning: {text}",
    detailsShow: "Details for support",
    detailsHide: "Hide details for support",
    field: {
      kind: "Error kind",
      httpStatus: "HTTP status",
      ekoStatus: "Eko status",
      responseStatusId: "response_status_id",
      responseTypeId: "response_type_id",
      ekoMessage: "Eko message",
      cause: "Cause",
      code: "Eko code",
      field: "Field",
      reason: "Reason",
      missing: "Missing settings",
      offsetMs: "Clock offset (ms)",
      pcTime: "This computer's time",
      ekoTime: "Eko's time",
      afterMs: "Waited (ms)",
      retryAfterMs: "Wait left (ms)",
      tid: "Transaction ID",
      outcome: "Eko's answer (not recorded)",
      otpRefTail: "OTP reference (end)",
      refundTid: "Refund ID",
      invalidParams: "Eko's invalid_params",
    },
  },
  errors: {
    "invalid-input": {
      title: "Some information is not right",
      action: "Check what you typed and try again.",
    },
    "not-configured": {
      title: "Refund Desk is not set up yet",
      action: "Ask your IT admin to fill in these settings: {missing}.",
    },
    "keychain-unavailable": {
      title: "The computer's keychain (where the access key is kept) cannot be opened",
      action: "Sign out of the computer and sign in again, then try again. If it still fails, call your IT admin.",
    },
    "auth-rejected": {
      title: "Eko did not accept this app's keys",
      action:
        "Ask your IT admin to check the developer key and access key in Settings. Test (UAT) keys do not work on Production, and Production keys do not work on UAT.",
    },
    "clock-skew": {
      title: "This computer's clock is wrong by {offset}",
      action:
        "Eko's time is {eko}, this computer's {pc}. Set the computer's date and time to update automatically, then try again.",
    },
    offline: {
      title: "Eko cannot be reached",
      action: "Check that this computer is connected to the internet, then try again.",
    },
    timeout: {
      title: "Eko did not answer within {seconds} seconds",
      action:
        "If an OTP was being sent, it may still arrive: ask the customer whether an SMS came before sending another. Otherwise wait a minute and try again.",
    },
    tls: {
      title: "A secure connection to Eko could not be made",
      action: "The branch network may be blocking it. Call your IT admin.",
    },
    "wrong-url": {
      title: "The Eko address in Settings is wrong",
      action: "Ask your IT admin to check the environment and server address in Settings.",
    },
    "content-type-refused": {
      title: "Eko refused the form of the app's request (its content type)",
      action:
        "This is a fault of the app or of a proxy on the branch network, not of Eko's server. Call support and read them the details below.",
    },
    "rate-limited": {
      title: "Eko is receiving too many requests",
      action: "Wait a minute, then try again.",
    },
    server: {
      title: "Eko has a problem right now",
      action: "Wait a few minutes and try again. If it keeps happening, call support.",
    },
    "bad-response": {
      title: "Eko's answer could not be understood",
      action: "Try again. If it happens again, call support and read them the details below.",
    },
    "unknown-tid": {
      title: "Eko does not know this transaction ID",
      action: "Check the number on the customer's receipt and type it again.",
    },
    "already-refunded": {
      title: "This transaction has already been refunded",
      action: "No OTP is needed. Tell the customer the money has already been returned.",
    },
    "not-refundable": {
      title: "This transaction cannot be refunded now",
      action:
        "Eko did not say why: the transfer may have gone through, still be in progress or be on hold. Check the transaction to see its status. If the customer insists, call support.",
    },
    eko: {
      title: "Eko said: {message} (code {code})",
      action: "Note the code and call support.",
    },
    "otp-not-sent": {
      title: "Eko did not send the OTP",
      action: "Wait a minute and try again. If it fails again, call support: the transaction may be too old.",
    },
    busy: {
      title: "A request for transaction {tid} is already running",
      action: "Wait for the answer on the screen before trying again.",
    },
    "tid-busy-elsewhere": {
      title: "Transaction {tid} is being handled in another Refund Desk window or command",
      action: "Wait for it to finish there, then try again here. Nothing was sent to Eko for this request.",
    },
    "counter-state-unavailable": {
      title: "This counter's shared record cannot be read",
      action:
        "Nothing is sent to Eko and no admin PIN is checked until it can: the record (counter-state.db in Refund Desk's data folder) guards against a double refund. Close other Refund Desk windows and try again; if it keeps happening, call IT.",
    },
    cooldown: {
      title: "An OTP for transaction {tid} was requested moments ago",
      action:
        "Wait {wait} before sending again, so the customer is not flooded with SMS. Meanwhile, ask the customer whether the SMS has arrived.",
    },
    "wrong-otp": {
      title: "The OTP is wrong",
      action: "Ask the customer to read the OTP from the SMS again, then type it again.",
    },
    "otp-expired": {
      title: "The OTP has expired",
      action: "Send a new OTP to the customer, then type the new OTP.",
    },
    "insufficient-balance": {
      title: "There is not enough balance in your Eko wallet for this refund",
      action:
        "The refund was not made. Add money to your Eko wallet or tell your supervisor, then try the refund again.",
    },
    "otp-ref-needed": {
      title: "Eko did not accept the refund with the OTP from the failure SMS",
      action: "No money moved. Send an OTP to the customer, then type the OTP from that new SMS.",
    },
    "refund-outcome-unknown": {
      title: "It is not known whether the refund for transaction {tid} went through",
      action:
        "Eko's answer did not arrive. Check the transaction again before doing anything else; no new refund for it is allowed until Eko answers.",
    },
    "refund-not-recorded": {
      title: "The refund for transaction {tid} was not sent",
      action:
        "This computer could not save the note that guards against a double refund, so nothing went to Eko and no money moved. Check that the disk is not full, then try again. If it keeps happening, call support.",
    },
    "not-journaled": {
      title: "Eko answered, but this computer could not record the answer",
      action:
        "Nothing is shown without its record. Tell IT: the journal cannot be written (the disk may be full or the data folder unwritable). Try again once IT has fixed it.",
    },
    "refund-not-done": {
      title: "The refund for transaction {tid} did not go through",
      action:
        "Eko's answer did not arrive, and Eko says the transaction is still waiting for a refund. Ask the customer for the same OTP again and refund.",
    },
    "not-refund-pending": {
      title: "Transaction {tid} is not waiting for a refund",
      action: "Eko says: {status}. {next}",
    },
    "settings-locked": {
      title: "The settings are locked on this computer",
      action: "Ask your IT admin to unlock them with the admin PIN.",
    },
    "token-library": {
      title: "The security token's software (its PKCS#11 library) cannot be loaded",
      action: "Nothing was sent. Ask your IT admin to install the token's software where the machine policy says.",
    },
    "token-absent": {
      title: "The security token that signs for Eko is not there",
      action: "Nothing was sent. Plug the token in (or ask IT whether the bank's HSM can be reached), then try again.",
    },
    "token-pin-wrong": {
      title: "The security token refused its PIN",
      action:
        "Nothing was sent. The PIN was removed from this computer so that nothing tries it again and locks the token. Ask your IT admin to set the right token PIN.",
    },
    "token-pin-locked": {
      title: "The security token's PIN is locked",
      action: "Nothing was sent. Only your IT admin can unlock the token (with its security officer PIN).",
    },
    "token-key-missing": {
      title: "The security token has no Eko key under the configured label",
      action:
        "Nothing was sent. Ask your IT admin to put the access key into the token (refund-desk set-key) or fix the key label.",
    },
    "token-key-cannot-sign": {
      title: "The key in the security token is not allowed to sign",
      action:
        "Nothing was sent. Ask your IT admin to import the key again with the sign usage (refund-desk set-key does).",
    },
    "token-mechanism": {
      title: "The security token cannot make Eko's signature (HMAC-SHA256) with this key",
      action: "Nothing was sent. Ask your IT admin to check the key's type (a generic secret) and the token's model.",
    },
    "token-timeout": {
      title: "The security token did not answer in time",
      action: "Nothing was sent. Check the token (or the network to the bank's HSM) and try again.",
    },
    "token-failed": {
      title: "The security token refused to sign",
      action: "Nothing was sent. Call your IT admin and read them the details below.",
    },
    "set-by-policy": {
      title: "These settings come from the machine policy",
      action:
        "Ask your IT admin to change them in the policy (Group Policy, MDM or policy.json). The access key can still be set here.",
    },
    "locked-down": {
      title: "This counter is locked: its machine policy cannot be used",
      action:
        "No request goes to Eko until an administrator fixes it. Call your IT admin and read them what Settings or Check connection says.",
    },
    "no-admin-pin": {
      title: "No admin PIN is set on this computer",
      action: "Ask your IT admin to provision this computer again with an admin PIN.",
    },
    "wrong-pin": {
      title: "The admin PIN is wrong",
      action: "Type it again carefully. After {tries} more wrong tries you will have to wait.",
    },
    "pin-wait": {
      title: "Too many wrong PINs",
      action: "Wait {wait}, then try again.",
    },
    "save-failed": {
      title: "The file could not be saved",
      action: "Choose another folder (for example Documents) and try again.",
    },
    "no-printer": {
      title: "No receipt printer is set for this counter",
      action: "Call your IT admin: the printer's name goes in the policy (printerName) or, unlocked, in Settings.",
    },
    "print-failed": {
      title: "The receipt could not be printed",
      action: "Check that the printer is on and has paper, then press Print again.",
    },
    "printer-prints-to-file": {
      title: "This counter's printer saves to a file instead of printing",
      action:
        "Nothing was printed. Ask your IT admin to set a real receipt printer for this counter: a kiosk does not print to PDF, XPS, OneNote or fax.",
    },
    internal: {
      title: "Something went wrong inside Refund Desk",
      action: "Close the app, open it again and try again. If it keeps happening, call support.",
    },
  } satisfies Record<ErrorKind, Advice>,
  /** not-journaled when something left this computer: the agent must know it went. */
  notJournaled: {
    otpSent: {
      title: "The OTP was sent to the customer for transaction {tid}, but this computer could not record it",
      action:
        "Tell IT: the journal cannot be written. Do not send another OTP until IT has fixed it; the customer's SMS ends with reference {ref}.",
    },
    refunded: {
      title: "The refund for transaction {tid} was made, but this computer could not record it",
      action:
        "Money moved: do not refund again. Tell IT: the journal cannot be written. Once IT has fixed it, check the transaction: the refund is recorded and its receipt shown.",
    },
    reprint: {
      title: "The receipt for transaction {tid} was not printed again: this computer could not record the reprint",
      action:
        "A copy is printed only with its record. Tell IT: the journal cannot be written (the disk may be full or the data folder unwritable). Print it again once IT has fixed it.",
    },
    refund: {
      title: "Eko answered the refund for transaction {tid}, but this computer could not record the answer",
      action:
        "Do not refund again: the transaction stays held. Tell IT: the journal cannot be written. Once IT has fixed it, check the transaction.",
    },
  },
  /** The wrong-otp advice once WRONG_OTP_TRIES_BEFORE_NEW_OTP wrong OTPs were typed for one OTP. */
  wrongOtpTooMany: {
    title: "The OTP was wrong {tries} times",
    action: "Send a new OTP to the customer and use the new one.",
  },
  /** A transaction's status in words, with the next step, by its state (app/transaction.ts). */
  txState: {
    success: {
      title: "The transfer went through",
      action: "The money reached the recipient. There is nothing to refund.",
    },
    failed: {
      title: "The transfer failed, and no refund is waiting",
      action: "Check again in a few minutes. If it stays like this, call support.",
    },
    "in-progress": {
      title: "The transfer is still in progress",
      action: "Check again in a few minutes. Do not refund yet.",
    },
    "refund-pending": {
      title: "The transfer failed and is waiting for a refund",
      action: "Confirm the details with the customer, then send the refund OTP to the customer's mobile.",
    },
    refunded: {
      title: "The money has already been refunded",
      action: "Nothing more to do. Tell the customer the money was already returned.",
    },
    hold: {
      title: "The transfer is on hold at Eko",
      action: "Check again in a few minutes. If it stays on hold, call support.",
    },
    unknown: {
      title: "Eko gave a status this app does not know",
      action: "Check again in a few minutes. If it stays like this, call support and read them the details.",
    },
  } satisfies Record<TxState, Advice>,
  /** Used for an `eko` error whose message is empty. */
  ekoWithoutMessage: "Eko refused the request (code {code})",
  /** Advice for Eko's business codes that matter at the counter (see docs/eko.md). */
  ekoCodes: {
    "168": "Eko has no transaction with this ID. Check the number on the customer's receipt.",
    "302": "The OTP is wrong. Ask the customer to read the OTP from the SMS again.",
    "303": "The OTP has expired. Press Send again to get a new OTP for the customer.",
    "319": "The initiator ID in Settings is not registered with Eko. Ask your IT admin to check it.",
    "346": "This branch's account is not fully set up with Eko. Call your IT admin.",
    "347": "There is not enough balance in your Eko wallet. Add money to it or tell your supervisor.",
    "463": "Eko cannot find the user in Settings. Ask your IT admin to check the initiator ID.",
    "945": "The monthly limit has been used up. Call support.",
    "1297": "This branch's account is not fully set up with Eko. Call your IT admin.",
  },
  invalidTid: {
    empty: {
      title: "Type the transaction ID first",
      action: "Type the transaction ID from the customer's receipt, then press Check transaction.",
    },
    "not-digits": {
      title: "The transaction ID can only contain digits",
      action: "Remove letters, spaces and other signs, then press Check transaction again.",
    },
    "too-long": {
      title: "The transaction ID is too long",
      action: "A transaction ID has at most 20 digits. Check the number on the receipt.",
    },
    "not-text": {
      title: "The transaction ID could not be read",
      action: "Clear the field, type the number again and press Check transaction.",
    },
  } satisfies Record<TidInvalidReason, Advice>,
  invalidOtp: {
    empty: {
      title: "Type the customer's OTP first",
      action: "Ask the customer for the OTP in the SMS, type it, then press Refund.",
    },
    "not-digits": {
      title: "The OTP can only contain digits",
      action: "Type only the digits from the customer's SMS.",
    },
    "too-short": {
      title: "The OTP is too short",
      action: "Ask the customer to read the whole OTP from the SMS again.",
    },
    "too-long": {
      title: "The OTP is too long",
      action: "Ask the customer to read the OTP again: it has at most 8 digits.",
    },
    "not-text": {
      title: "The OTP could not be read",
      action: "Clear the field, type the OTP again and press Refund.",
    },
  } satisfies Record<OtpInvalidReason, Advice>,
  invalidOtpRef: {
    title: "The OTP reference is missing or not valid",
    action: "Send the OTP to the customer again, then use the new OTP reference shown.",
  },
  demoPracticeOnly: {
    title: "The demo is Practice only",
    action: "To work with UAT or production, use the Refund Desk app itself (npm start).",
  },
  accessKeyNeedsEnvironment: {
    title: "An access key belongs to UAT, production or a custom URL",
    action:
      "Choose the environment (and a custom URL) and save it first: the key is stored for that environment and signs for it alone.",
  },
  invalidSetting: {
    environment: {
      title: "The environment is not valid",
      action: "Choose Practice, UAT, Production or Custom base URL.",
    },
    baseUrl: {
      title: "The server address is missing or not valid",
      action: "Type the full address starting with https://, without anything after a ? or #.",
    },
    customBaseUrl: {
      title: "The server address is missing or not valid",
      action: "Type the full address starting with https://, without anything after a ? or #.",
    },
    developerKey: {
      title: "The developer key is not valid",
      action: "Copy the developer key again from Eko's portal: letters and digits only, no spaces.",
    },
    initiatorId: {
      title: "The initiator ID must be a 10-digit mobile number",
      action: "Type the mobile number registered with Eko: 10 digits, no +91, no spaces.",
    },
    timeoutMs: {
      title: "The waiting time is not valid",
      action: "Type a whole number of seconds from 1 to 120.",
    },
    resendCooldownMs: {
      title: "The wait before resend is not valid",
      action: "Type a whole number of seconds from 0 to 600.",
    },
    userCode: {
      title: "The user code must have 8 digits",
      action: "Type the retailer's user code from Eko: 8 digits, no spaces.",
    },
    accessKey: {
      title: "The access key is missing or not valid",
      action: "Paste the access key you got from Eko, then press Store in keychain.",
    },
    paperSize: {
      title: "The paper size is not valid",
      action: "Choose a 58 mm roll, an 80 mm roll or A4.",
    },
    agentCopy: {
      title: "The agent's copy setting is not valid",
      action: "Choose kiosk mode only, always or never.",
    },
    receiptLanguages: {
      title: "The receipt language is not valid",
      action: "Choose the app's language, or English and Hindi.",
    },
    helpline: {
      title: "The helpline is not valid",
      action: "Type one line of at most 120 letters, digits and the signs of a phone number.",
    },
    grievanceContact: {
      title: "The grievance contact is not valid",
      action: "Type one line of at most 120 letters, digits and the signs of an e-mail or postal address.",
    },
    rbiGrievance: {
      title: "The RBI complaint route setting is not valid",
      action: "Turn it on or off.",
    },
    printerName: {
      title: "The printer's name is not valid",
      action: "Type the printer's name as the computer lists it: one line of at most 256 characters.",
    },
    idleClearMinutes: {
      title: "The time before the screen clears is not valid",
      action: "Type a whole number of minutes from 1 to 15.",
    },
    signer: {
      title: "The signer is not valid",
      action: "Choose keychain or pkcs11.",
    },
    pkcs11Module: {
      title: "The token's library path is not valid",
      action: "Only the machine policy (or provisioning) sets it: the full path of the vendor's PKCS#11 library.",
    },
    journalRetentionMonths: {
      title: "The months of journal kept is not valid",
      action:
        "Only the machine policy (or provisioning) sets it: a whole number of months from 2 to 1200 (1200, the default, keeps every month).",
    },
    pkcs11Token: {
      title: "The token label is not valid",
      action: "Type the token's label as the vendor's tools show it: one line of at most 32 bytes.",
    },
    pkcs11Key: {
      title: "The key label is not valid",
      action: "Type the key's label: one line of at most 32 bytes (default eko-access-key).",
    },
    tokenPin: {
      title: "The token PIN is not valid",
      action: "Type the token's user PIN: one line of 4 to 64 characters.",
    },
    maxClockCorrectionMinutes: {
      title: "The largest clock correction is not valid",
      action: "Type a whole number of minutes from 5 to 1440.",
    },
  } satisfies Record<SettingField, Advice>,
  invalidMobile: {
    empty: {
      title: "Type the customer's mobile number first",
      action: "Ask the customer for the mobile number used for the transfer.",
    },
    "not-digits": {
      title: "The mobile number can only contain digits",
      action: "Type the 10 digits without +91 or other signs.",
    },
    "not-10-digits": {
      title: "A mobile number has 10 digits",
      action: "Type the 10 digits without +91 or a leading 0.",
    },
    "bad-start": {
      title: "A mobile number starts with 6, 7, 8 or 9",
      action: "Check the number with the customer and type it again.",
    },
    "not-text": {
      title: "The mobile number could not be read",
      action: "Clear the field and type the number again.",
    },
  } satisfies Record<MobileInvalidReason, Advice>,
  /** Fallback for an invalid-input error about a field the UI does not know. */
  invalidOther: {
    title: "The app sent something it should not have",
    action: "Close the app, open it again and try again. If it keeps happening, call support.",
  },
  settingName: {
    environment: "Environment",
    baseUrl: "Server address",
    customBaseUrl: "Server address",
    developerKey: "Developer key",
    initiatorId: "Initiator ID",
    timeoutMs: "Waiting time",
    resendCooldownMs: "Wait before resend",
    userCode: "User code",
    accessKey: "Access key",
    paperSize: "Paper size",
    agentCopy: "Agent's copy",
    receiptLanguages: "Receipt language",
    helpline: "Partner helpline",
    grievanceContact: "Grievance contact",
    rbiGrievance: "RBI complaint route",
    idleClearMinutes: "Clear the screen after (minutes)",
    printerName: "Receipt printer",
    signer: "Signer",
    pkcs11Module: "Token library",
    journalRetentionMonths: "Months of journal kept",
    pkcs11Token: "Token label",
    pkcs11Key: "Key label in the token",
    tokenPin: "Token PIN",
    maxClockCorrectionMinutes: "Largest clock correction (minutes)",
  } satisfies Record<SettingField, string>,
  listSeparator: ", ",
  /** Ends a sentence before the next one on the same line. */
  sentenceEnd: ".",
  duration: {
    hours: "{n} h",
    minutes: "{n} min",
    seconds: "{n} s",
  },

  /** What each field does, for the admin: the docs' field tables and the Group Policy templates. */
  settingNote: {
    environment: "Where requests go: practice (the built-in simulator), uat, production or custom.",
    customBaseUrl: "Eko's base URL (https only); only with environment custom, where it is required.",
    developerKey: "Eko developer_key; required outside practice.",
    initiatorId: "Eko initiator_id (10 digits); required outside practice.",
    userCode: "Eko user_code of the agent (8 digits), for the check and refund steps.",
    counterName: "The counter's name, shown to the agent and written on every journal line.",
    kioskMode: "Full-screen kiosk: no menus, exports only to the exports folder, receipts to the named printer.",
    settingsLocked: "Lock the settings: changing them needs the admin PIN.",
    adminPin: "The admin PIN in clear (provisioning file only): 6+ digits or a passphrase of 10+ characters.",
    adminPinHash: "The admin PIN's hash from `refund-desk pin-hash`; required with kiosk mode or locked settings.",
    timeoutMs: "How long to wait for Eko, in milliseconds.",
    resendCooldownMs: "Wait before the same transaction may ask for the OTP again, in milliseconds.",
    printerName: "The printer receipts go to without a print dialog (its name as the OS lists it).",
    paperSize: "The receipt paper: 58mm (the default), 80mm or a4.",
    agentCopy: "The agent's copy of each receipt: kiosk (only on kiosks, the default), always or never.",
    receiptLanguages: "The receipt's language: interface (the agent's, the default) or both (English and Hindi).",
    helpline: "The partner's customer helpline, printed in the receipt's grievance block.",
    grievanceContact: "Where the customer writes with a complaint (the partner's grievance officer).",
    rbiGrievance: "Print RBI's complaint route on receipts (the bank first; cms.rbi.org.in or 14448 after 30 days).",
    idleClearMinutes: "Minutes without input before the Refund screen forgets the customer.",
    maxClockCorrectionMinutes:
      "The most, in minutes, the app corrects this PC's clock towards Eko's when signing (default 360); further off, requests are refused until the clock is fixed.",
    signer:
      "What signs requests: keychain (the access key in the agent's keychain, the default) or pkcs11 (a PKCS#11 token or HSM holds the key; the app never does).",
    pkcs11Module:
      "The full path of the token's or HSM's PKCS#11 library (vendor's); set only by a policy, required with signer pkcs11.",
    journalRetentionMonths:
      "Months of journal kept, this month counted; older months are removed after a retention cut is journaled. The default, 1200, keeps every month.",
    pkcs11Token: "The label of the token or HSM partition holding the key; required with signer pkcs11.",
    pkcs11Key: "The label of the key in the token (default eko-access-key).",
  } satisfies Record<FieldName, string>,
  /** The counter flow's first step: Transaction Inquiry, before anything is sent to the customer. */
  check: {
    submit: "Check transaction",
    checking: "Checking…",
    /** Announced to screen readers while the inquiry is out. */
    checkingStatus: "Checking the transaction with Eko. Wait for the answer on the screen.",
  },
  /** What the agent confirms with the customer; the account shows only its last 4 digits. */
  /** What Eko's own words mean, for the codes the app knows; shown beside them in Hindi. */
  ekoMeaning: {
    "168": "No transaction with this ID",
    "302": "Wrong OTP",
    "303": "The OTP has expired",
    "319": "The initiator ID is not registered",
    "346": "The account is not fully set up",
    "347": "Not enough balance in the Eko wallet",
    "463": "User not found",
    "945": "The monthly limit is used up",
    "1297": "The account is not fully set up",
  },
  transaction: {
    title: "Transaction {tid}",
    /** The one-line transaction once the OTP is sent, for screen readers. */
    summaryLabel: "Transaction being refunded",
    amount: "Amount",
    fee: "Fee",
    sender: "Sender",
    recipient: "Recipient",
    account: "Recipient's account",
    /** Read by screen readers before the last 4 digits, in place of the dots. */
    accountEnding: "ending in",
    time: "Made at",
    checkedAt: "Checked with Eko at {time}",
    ekoSays: "Eko's words: {text}",
    notGiven: "Not given by Eko",
  },
  refundStep: {
    title: "Refund with the customer's OTP",
    otpLabel: "Customer's OTP",
    otpHint: "Ask the customer for the OTP in the SMS and type its digits. It is never saved.",
    submit: "Refund {amount} to the customer",
    submitNow: "Refund now",
    refunding: "Refunding…",
    status: "Refunding… Do not close the app.",
    statusWait:
      "If Eko does not answer within {seconds} seconds, the app waits a moment and then checks the transaction with Eko by itself.",
    /** Counts down while the refund's answer is awaited; {time} is "12 s". */
    statusLeft: "At most {time} left.",
    newOtp: "Send a new OTP",
    /** "Send a new OTP" while the resend wait runs; {time} counts down. */
    newOtpIn: "Send a new OTP (in {time})",
    checkAgain: "Check the transaction again",
    /** Offered once a check shows "refund pending", beside Send OTP (Eko texts the customer an OTP when a transfer fails). */
    hasOtp: "Customer has the OTP from the failure SMS — type it",
    hasOtpHint:
      "When the transfer failed, Eko sent the customer an SMS with an OTP. If the customer still has it, no new OTP is needed.",
    failureSmsTitle: "Refund with the OTP from the failure SMS",
    failureSmsOtpHint:
      "Ask the customer for the OTP in the SMS Eko sent when the transfer failed, and type its digits. It is never saved.",
  },
  /** The receipt after a refund: printable, never an OTP or a key. */
  receipt: {
    title: "Refund done",
    tid: "Transaction ID",
    refundTid: "Refund ID",
    amount: "Refunded amount",
    txAmount: "Transaction amount",
    fee: "Fee",
    balance: "Your balance now",
    time: "Time",
    environment: "Environment",
    practice: "Practice — no money moved",
    byInquiry: "Eko's answer to the refund was lost; a check of the transaction with Eko then confirmed the refund.",
    print: "Print",
    reprint: "Reprint (duplicate)",
    customerCopy: "Customer copy",
    agentCopy: "Agent copy",
    counter: "Counter",
    agentCode: "Agent code",
    transfer: "Original transfer",
    transferTime: "Transfer date",
    recipient: "Recipient",
    account: "Account",
    accountEnding: "ending {last4}",
    refund: "Refund",
    /** A time printed on paper, always in India's time zone. */
    ist: "{time} IST",
    cashReturned: "Cash returned to the customer — signature / thumb",
    duplicate: "DUPLICATE — reprinted {time}",
    grievanceTitle: "Complaints",
    helpline: "Helpline: {helpline}",
    grievanceContact: "Grievance contact: {contact}",
    rbi: "If the bank does not resolve your complaint within 30 days, or you are not satisfied with its reply, you can complain to RBI at cms.rbi.org.in or call 14448.",
    keep: "Keep this receipt until the money is back with you.",
  },
  /** Find by customer mobile: Eko's Get Pending Refunds, for a customer without the tid. */
  findMobile: {
    open: "Customer has no tid?",
    title: "Find by customer mobile",
    label: "Customer's mobile number",
    hint: "10 digits, starting with 6, 7, 8 or 9. Only its last 4 digits are kept.",
    submit: "Find transfers",
    finding: "Finding…",
    findingStatus: "Asking Eko for this customer's transfers. Wait for the answer on the screen.",
    listTitle: "Transfers waiting for a refund (mobile ending {last4})",
    none: "No transfer of this customer (mobile ending {last4}) is waiting for a refund.",
    column: {
      tid: "Transaction ID",
      time: "Date",
      amount: "Amount",
      recipient: "Recipient",
    },
    check: "Check {tid}",
    close: "Close",
  },
  /** How long the customer's money has waited, in the transaction panel. */
  waited: {
    days: "{n} days",
    line: "Waiting for a refund for {ago}, since {time}.",
    overdue: "This refund is overdue: more than one working day has passed. Please complete it now.",
  },
  /** The Refund screen forgot the customer after the idle time (a setting). */
  idle: {
    cleared: "The screen was cleared after {minutes} min without input, for the next customer.",
  },
  /** The day's close on the History screen, and its printout. */
  daySummary: {
    title: "Totals for {day}",
    counter: "Counter: {name}",
    refunds: "Refunds done",
    refundedTotal: "Total refunded",
    feeTotal: "Fees",
    withoutAmount: "Of these, {n} confirmed by a check: Eko gave no refunded amount.",
    otpsSent: "OTPs sent",
    checks: "Checks",
    reprints: "Reprints",
    lookups: "Searches by mobile",
    failures: "Failures",
    noFailures: "None",
    print: "Print day summary",
    printedAt: "Printed {time}",
  },
  /** The receipt and counter settings. */
  receiptSettings: {
    title: "Receipts and counter",
    paperSize: {
      "58mm": "58 mm roll",
      "80mm": "80 mm roll",
      a4: "A4 sheet",
    } satisfies Record<PaperSize, string>,
    agentCopy: {
      kiosk: "In kiosk mode only",
      always: "Always",
      never: "Never",
    } satisfies Record<AgentCopy, string>,
    receiptLanguages: {
      interface: "The app's language",
      both: "English and Hindi",
    } satisfies Record<ReceiptLanguages, string>,
    hint: {
      printerName:
        "Its name as the computer lists it. Receipts go to it without a print dialog; a kiosk needs one. Leave empty to choose each time.",
      paperSize: "The roll or sheet the receipt printer takes.",
      agentCopy: "A second copy for the agent, with the balance and a line to sign.",
      receiptLanguages: "The language the receipt is printed in.",
      helpline: "Printed on the customer's receipt. One line; leave empty to leave it out.",
      grievanceContact: "Printed on the customer's receipt. One line; leave empty to leave it out.",
      rbiGrievance: "Adds: the bank first; after 30 days, cms.rbi.org.in or 14448.",
      idleClearMinutes: "1 to 15 minutes without input; never while a request runs or a refund is unsettled.",
    } satisfies Record<FormField<"receipt">, string>,
  },
  practiceRefund: {
    otpLabel: "Customer's OTP for every practice refund",
  },
  settings: {
    title: "Settings",
    formTitle: "Connection to Eko",
    reload: "Load settings again",
    intro: "For the branch IT admin. Changes apply to the next request.",
    back: "Back to Refund",
    environment: "Environment",
    baseUrl: "Custom base URL",
    baseUrlHint: "The full Eko API address, e.g. https://api.eko.in/ekoicici/v3",
    currentUrl: "Requests go to:",
    noUrl: "not set",
    developerKey: "Developer key",
    developerKeyHint: "Issued by Eko. Not secret, but must match the environment.",
    initiatorId: "Initiator ID",
    initiatorIdHint: "The 10-digit mobile number registered with Eko.",
    timeout: "Waiting time (seconds)",
    timeoutHint: "How long to wait for Eko's answer: 1 to 120 seconds.",
    resendCooldown: "Wait before resend (seconds)",
    resendCooldownHint: "After an OTP is sent, Resend opens only after this wait: 0 to 600 seconds (0 turns it off).",
    save: "Save settings",
    saving: "Saving…",
    saved: "Settings saved.",
  },
  tokenPin: {
    title: "Security token PIN",
    hint: "The signer is a PKCS#11 token or HSM: it holds the access key and signs; this PIN opens it. Secret: kept only in this computer's keychain and never shown again.",
    stored: "Stored in the system keychain",
    missing: "No token PIN is stored",
    unavailable: "The system keychain cannot be reached",
    inputLabel: "Token PIN",
    store: "Store in keychain",
    storing: "Storing…",
    storedNotice: "The token PIN is stored in the keychain.",
  },
  accessKey: {
    title: "Access key",
    hint: "Secret. It is kept only in this computer's keychain, for the environment in force, and is never shown again.",
    practice:
      "Practice signs with the simulator's own key. Choose UAT, production or a custom server and save: the key is then stored for that environment alone.",
    stored: "Stored in the system keychain",
    missing: "No access key is stored",
    unavailable: "The system keychain cannot be reached",
    unavailableAction:
      "Sign out of the computer and sign in again, then come back here. If it still fails, call your IT admin.",
    inputLabel: "New access key",
    store: "Store in keychain",
    storing: "Storing…",
    replace: "Replace",
    remove: "Remove",
    removing: "Removing…",
    cancel: "Cancel",
    storedNotice: "The access key is stored in the keychain.",
    removedNotice: "The access key was removed.",
  },
  /** The counter's provisioned name and the kiosk exit, in the header. */
  desk: {
    counter: "Counter: {name}",
    exitKiosk: "Exit kiosk",
  },
  /** One dialog for both uses of the admin PIN: unlocking the settings and leaving kiosk mode. */
  pinDialog: {
    label: "Admin PIN",
    hint: "The admin PIN or passphrase, known to the branch IT admin.",
    checking: "Checking…",
    cancel: "Cancel",
    unlock: {
      title: "Unlock the settings",
      intro: "Type the admin PIN. The settings stay open for 10 minutes, or until you leave Settings.",
      submit: "Unlock",
    },
    exit: {
      title: "Exit kiosk mode",
      intro: "Type the admin PIN. Refund Desk then closes.",
      submit: "Exit kiosk",
    },
    export: {
      title: "Export on a kiosk",
      intro: "Type the admin PIN. The file goes to the counter's exports folder.",
      submit: "Export",
    },
  },
  /** Settings while the policy locks them. */
  deskNotices: {
    title: "For your IT admin:",
    "lock-record-damaged":
      "The counter's lock record in this computer's keychain was damaged. The machine policy still applies; have IT look at this account.",
    "lock-record-unreadable": "The keychain could not be read for the counter's lock record.",
    "lock-record-missing":
      "This counter was provisioned, but its lock record is gone from the keychain: only the data folder's copy holds it.",
    "provisioned-lock-only":
      "This counter is locked by provisioning only: that stops casual changes, not the owner of this Windows or Mac account. A machine policy (Group Policy, MDM or policy.json) is the lock that holds.",
  },
  lockedDown: {
    title: "This counter is locked",
    intro:
      "Refund Desk sends nothing to Eko on this computer until an administrator fixes what is below. Call your IT admin; customers can be served at another counter meanwhile.",
    cause: "What cannot be used ({path}):",
  },
  settingsLock: {
    title: "The settings are locked",
    intro: "The branch IT admin manages the connection to Eko on this computer.",
    counter: "Counter",
    noCounter: "not set",
    unlock: "Unlock with admin PIN",
    open: "Unlocked until {time}. Leaving Settings locks them again.",
    lock: "Lock settings",
    policyProblem:
      "The machine policy ({path}) is there but cannot be used, so the counter is locked down until an administrator fixes it. What is wrong:",
  },
  userCodeField: {
    hint: "Eko's user code of the agent: 8 digits. Needed to check and refund a transaction.",
  },
  history: {
    title: "History",
    intro: "Today's requests from this computer, newest first. No OTP and no key is ever kept.",
    refresh: "Refresh",
    loading: "Loading…",
    empty: "No requests yet today.",
    skipped: "{n} damaged lines skipped.",
    caption: "Requests on {day}",
    /** The step a journal line records (app/history.ts `outcome`, before its colon). */
    step: {
      otp: "Send OTP",
      inquiry: "Check",
      refund: "Refund",
      "refund-check": "Check after refund",
      reprint: "Reprint",
      pending: "Find by mobile",
    },
    outcome: {
      "otp-sent": "OTP sent",
      refunded: "Refunded",
      printed: "Printed again (DUPLICATE)",
      listed: "Transfers listed",
    },
    reprint: "Reprint",
    reprintLabel: "Reprint the receipt for {tid}",
    column: {
      time: "Time",
      tid: "Transaction ID",
      step: "Step",
      outcome: "Outcome",
      ekoStatus: "Eko status",
      ref: "OTP reference (end)",
      amount: "Amount",
      actions: "Receipt",
    },
    /** Short words for the error kinds whose own titles need values a journal line lacks. */
    outcomeKind: {
      "clock-skew": "This computer's clock was wrong",
      timeout: "Eko did not answer in time",
      eko: "Eko refused the request",
      busy: "Refused: a request for it was already running",
      "tid-busy-elsewhere": "Refused: another window or command was handling it",
      cooldown: "Refused: an OTP was sent moments before",
      "refund-outcome-unknown": "Not known whether the refund went through",
      "refund-not-done": "The refund did not go through",
      "refund-not-recorded": "Refund not sent: it could not be recorded first",
      "not-refund-pending": "Not waiting for a refund",
    } satisfies Partial<Record<ErrorKind, string>>,
    exportTitle: "Export to a spreadsheet (CSV)",
    exportIntro: "Choose the days, up to a year. The file has no OTP and no key.",
    from: "From",
    to: "To",
    export: "Export CSV",
    exporting: "Exporting…",
    saved: "Saved {rows} rows to {location}",
    cancelled: "Export cancelled: nothing was saved.",
    /** A range of days refused (invalid-input on the field "from" or "to"). */
    range: {
      "not-a-date": {
        title: "A date is missing or not valid",
        action: "Choose both dates from the calendar.",
      },
      "before-from": {
        title: "The end date is before the start date",
        action: "Choose an end date on or after the start date.",
      },
      "range-too-long": {
        title: "The range is too long",
        action: "Choose at most a year of days, then export again.",
      },
    },
  },
  doctor: {
    title: "Connection check",
    run: "Check connection",
    running: "Checking…",
    allOk: "Everything looks right.",
    notOk: "Some checks need attention.",
    checkedUrl: "Checked address:",
    /** A failed settings check names what is missing. */
    missing: "Missing: {missing}.",
    status: {
      ok: "OK",
      warn: "Warning",
      fail: "Problem",
      skipped: "Not checked",
    } satisfies Record<DoctorStatus, string>,
    checks: {
      policy: {
        name: "Machine policy",
        ok: "The policy in force could be read.",
        warn: "The policy needs attention (a lock set only by provisioning stops casual changes, not the owner of this Windows or Mac account; the keychain's lock record damaged, unreadable or missing):",
        fail: "The counter is locked down: a machine policy is there but cannot be used (damaged, unreadable or writable by non-administrators), or the keychain's lock record was damaged. Nothing goes to Eko until an administrator fixes it:",
        skipped: "The policy was not checked.",
      },
      "counter-state": {
        name: "Counter's shared record",
        ok: "The counter's shared record (counter-state.db: tid locks, refunds awaiting an answer, OTP waits) can be read.",
        warn: "The counter's shared record needs attention.",
        fail: "The counter's shared record (counter-state.db in the data folder) cannot be read: no request goes to Eko and no admin PIN is checked until it can. If it is damaged, first check with Eko every transaction a refund may have been sent for, then remove the file.",
        skipped: "Not checked.",
      },
      overrides: {
        name: "Start-up overrides",
        ok: "No REFUND_DESK_HOME or REFUND_DESK_POLICY override.",
        warn: "REFUND_DESK_HOME / REFUND_DESK_POLICY: ignored by the installed app, honoured only in development:",
        fail: "An override could not be applied.",
        skipped: "Not checked.",
      },
      keychain: {
        name: "Keychain",
        ok: "The system keychain can be opened.",
        warn: "The system keychain answered slowly or with a warning.",
        fail: "The system keychain cannot be opened.",
        skipped: "The keychain was not checked.",
      },
      "os-log": {
        name: "OS log",
        ok: "Each journal line is also written to the OS log, where IT can check the journal against it.",
        warn: "The OS log cannot be written: refunds go on and the journal is kept, but IT cannot check it against the OS log until this is fixed:",
        fail: "The OS log cannot be written:",
        skipped: "The OS log is not written here.",
      },
      "journal-upkeep": {
        name: "Journal upkeep",
        ok: "Closed months are compressed, and months past the retention removed.",
        warn: "The journal's daily upkeep has not finished for a month: refunds go on, but these months wait. Look for a damaged file or a full disk in the journal folder:",
        fail: "The journal's upkeep has not finished:",
        skipped: "Not checked.",
      },
      "access-key": {
        name: "Access key",
        ok: "An access key is stored.",
        warn: "The access key may not match the environment.",
        fail: "No access key is stored.",
        skipped: "Not checked.",
      },
      signer: {
        name: "Security token",
        ok: "The token's library loads, the token is there and opens with its PIN, and the Eko key in it is sensitive, cannot be extracted and only signs:",
        warn: "The token signs, but its Eko key could be better kept (extractable, not sensitive, or with usages besides signing):",
        fail: "The token cannot sign for Eko:",
        skipped: "Not checked.",
      },
      settings: {
        name: "Settings",
        ok: "All settings are filled in.",
        warn: "A setting the check and refund steps need is missing.",
        fail: "Some settings are missing.",
        skipped: "Settings were not checked.",
      },
      reachable: {
        name: "Eko server",
        ok: "Eko's server answered.",
        warn: "Eko's server answered, but not as expected.",
        fail: "Eko's server could not be reached.",
        skipped: "Not checked because of the problems above.",
      },
      clock: {
        name: "Clock",
        ok: "This computer's clock is right.",
        warn: "This computer's clock is a little off.",
        fail: "This computer's clock is too far off for Refund Desk to correct: every request is refused until IT fixes the clock.",
        skipped: "The clock could not be compared with Eko's.",
      },
    } satisfies Record<DoctorCheckId, DoctorCheckText>,
    /** Why the access key was not checked, by the check's detail. */
    accessKeySkipped: {
      practice: "Not needed in Practice.",
      keychain: "Not checked: the keychain cannot be opened.",
      pkcs11: "Not in the keychain: the security token holds it (see the token's row).",
    },
    /** In Practice the server is the simulator on this computer, not Eko. */
    practiceReachable: {
      name: "Practice simulator",
      ok: "The practice simulator on this computer answered.",
      warn: "The practice simulator answered, but not as expected.",
      fail: "The practice simulator could not be started.",
      skipped: "Not checked because of the problems above.",
    } satisfies DoctorCheckText,
    clock: {
      eko: {
        matches: "Your clock matches Eko's within 1 s.",
        behind: "Your clock is {offset} behind Eko's.",
        ahead: "Your clock is {offset} ahead of Eko's.",
      },
      practice: {
        matches: "Your clock matches the practice simulator's within 1 s.",
        behind: "Your clock is {offset} behind the practice simulator's.",
        ahead: "Your clock is {offset} ahead of the practice simulator's.",
      },
    },
  },
};

export type Messages = typeof en;
