/** The command line's own words in Hindi (cli-en.ts), typed against the English ones. */
import type { CliMessages } from "./cli-en";

export const cliHi: CliMessages = {
  errors: {
    timeout: {
      title: "Eko ने {seconds} सेकंड में जवाब नहीं दिया",
      action: "एक मिनट बाद कमांड फिर से चलाएँ।",
    },
    "not-refundable": {
      title: "Eko के अनुसार इस ट्रांज़ैक्शन का रिफ़ंड अभी नहीं हो सकता",
      action:
        "Eko ने कारण नहीं बताया: हो सकता है ट्रांसफ़र पूरा हो गया हो, अभी चल रहा हो या होल्ड पर हो। स्टेटस देखने के लिए उसी tid के साथ refund-desk inquire चलाएँ। ग्राहक ज़ोर दे तो सपोर्ट को फ़ोन करें।",
    },
    "auth-rejected": {
      title: "Eko ने इस काउंटर की कुंजियाँ नहीं मानीं",
      action:
        "IT एडमिन से डेवलपर की (refund-desk config show) और एक्सेस की (refund-desk set-key) जाँचने को कहें। परीक्षण (UAT) की कुंजियाँ प्रोडक्शन पर नहीं चलतीं, और प्रोडक्शन की कुंजियाँ UAT पर नहीं।",
    },
    "wrong-url": {
      title: "सेटिंग्स में Eko का पता ग़लत है",
      action: "IT एडमिन से environment और base-url जाँचने को कहें (refund-desk config show)।",
    },
    "content-type-refused": {
      title: "Eko ने ऐप के अनुरोध का रूप (कंटेंट टाइप) नहीं माना",
      action:
        "यह ऐप की या शाखा नेटवर्क के किसी प्रॉक्सी की गड़बड़ी है, Eko के सर्वर की नहीं। सपोर्ट को फ़ोन करें और वही कमांड --json के साथ जो ब्योरा दिखाए, वह पढ़कर सुनाएँ।",
    },
    "bad-response": {
      title: "Eko का जवाब समझ में नहीं आया",
      action: "कमांड फिर से चलाएँ। दोबारा हो तो सपोर्ट को फ़ोन करें और वही कमांड --json के साथ जो ब्योरा दिखाए, वह पढ़कर सुनाएँ।",
    },
    "token-failed": {
      title: "सिक्योरिटी टोकन ने साइन करने से मना कर दिया",
      action: "कुछ नहीं भेजा गया। IT एडमिन को फ़ोन करें और वही कमांड --json के साथ जो ब्योरा दिखाए, वह पढ़कर सुनाएँ।",
    },
    busy: {
      title: "ट्रांज़ैक्शन {tid} का अनुरोध पहले से चल रहा है",
      action: "उसके पूरा होने तक रुकें, फिर कमांड दोबारा चलाएँ।",
    },
    "wrong-otp": {
      title: "ओटीपी ग़लत है",
      action: "ग्राहक से SMS में से ओटीपी फिर से पढ़ने को कहें, फिर उसके साथ refund दोबारा चलाएँ।",
    },
    "otp-expired": {
      title: "ओटीपी की समय-सीमा ख़त्म हो गई है",
      action: "ग्राहक को नया ओटीपी भेजें (refund-desk otp), फिर नए ओटीपी और उसके --otp-ref के साथ रिफ़ंड करें।",
    },
    "otp-ref-needed": {
      title: "Eko ने विफलता वाले SMS के ओटीपी से रिफ़ंड नहीं माना",
      action:
        "कोई पैसा नहीं गया। ग्राहक को ओटीपी भेजें (refund-desk otp), फिर उस नए SMS के ओटीपी और उसके --otp-ref के साथ रिफ़ंड करें।",
    },
    "refund-outcome-unknown": {
      title: "पता नहीं कि ट्रांज़ैक्शन {tid} का रिफ़ंड हुआ या नहीं",
      action:
        "Eko का जवाब नहीं आया। कुछ और करने से पहले refund-desk inquire {tid} चलाएँ; Eko का जवाब आने तक इसका नया रिफ़ंड नहीं हो सकता।",
    },
    "set-by-policy": {
      title: "ये सेटिंग्स मशीन पॉलिसी से आती हैं",
      action:
        "IT एडमिन से इन्हें पॉलिसी (Group Policy, MDM या policy.json) में बदलने को कहें। एक्सेस की फिर भी refund-desk set-key से रखी जा सकती है।",
    },
    "locked-down": {
      title: "यह काउंटर लॉक है: इसकी मशीन पॉलिसी इस्तेमाल नहीं हो सकती",
      action:
        "जब तक कोई एडमिनिस्ट्रेटर इसे ठीक न करे, Eko को कोई अनुरोध नहीं जाएगा। IT एडमिन को फ़ोन करें और refund-desk doctor जो बताए, वह पढ़कर सुनाएँ।",
    },
    internal: {
      title: "रिफ़ंड डेस्क के अंदर कुछ गड़बड़ हुई",
      action: "कमांड फिर से चलाएँ। बार-बार हो तो सपोर्ट को फ़ोन करें।",
    },
  },
  timeoutAfter: {
    otp: "ओटीपी शायद फिर भी आ जाए: otp दोबारा चलाने से पहले ग्राहक से पूछें कि SMS आया या नहीं।",
    inquiry: "जाँच से Eko पर कुछ नहीं बदलता: एक मिनट बाद इसे फिर से चलाएँ।",
    pending: "खोज से Eko पर कुछ नहीं बदलता: एक मिनट बाद इसे फिर से चलाएँ।",
  },
  invalidTid: {
    empty: {
      title: "ट्रांज़ैक्शन आईडी नहीं दी गई",
      action: "कमांड के बाद ग्राहक की रसीद से ट्रांज़ैक्शन आईडी दें, जैसे refund-desk inquire 13192443।",
    },
    "not-digits": {
      title: "ट्रांज़ैक्शन आईडी में सिर्फ़ अंक हो सकते हैं",
      action: "अक्षर, खाली जगह और दूसरे चिह्न हटाएँ, फिर कमांड दोबारा चलाएँ।",
    },
    "not-text": {
      title: "ट्रांज़ैक्शन आईडी पढ़ी नहीं जा सकी",
      action: "नंबर फिर से दें, सिर्फ़ अंक।",
    },
  },
  invalidOtp: {
    empty: {
      title: "स्टैंडर्ड इनपुट पर कोई ओटीपी नहीं आया",
      action: "ग्राहक से SMS का ओटीपी पूछें और उसे स्टैंडर्ड इनपुट पर दें: printf '%s' \"$OTP\" | refund-desk refund <tid>।",
    },
    "not-text": {
      title: "ओटीपी पढ़ा नहीं जा सका",
      action: "ओटीपी फिर से स्टैंडर्ड इनपुट पर दें, सिर्फ़ अंक।",
    },
  },
  invalidMobile: {
    "not-text": {
      title: "मोबाइल नंबर पढ़ा नहीं जा सका",
      action: "नंबर फिर से दें: 10 अंक।",
    },
  },
  invalidSetting: {
    environment: {
      title: "एनवायरनमेंट सही नहीं है",
      action: "practice, uat, production या custom में से एक दें।",
    },
    timeoutMs: {
      title: "इंतज़ार का समय सही नहीं है",
      action: "timeout-ms मिलीसेकंड में होता है: 1000 से 120000 तक की पूरी संख्या (15000 यानी 15 सेकंड)।",
    },
    resendCooldownMs: {
      title: "दोबारा भेजने से पहले का इंतज़ार सही नहीं है",
      action: "resend-cooldown-ms मिलीसेकंड में होता है: 0 से 600000 तक की पूरी संख्या (0 से इंतज़ार बंद होता है)।",
    },
    accessKey: {
      title: "एक्सेस की नहीं है या सही नहीं है",
      action: "Eko से मिली एक्सेस की स्टैंडर्ड इनपुट पर दें: printf '%s' \"$ACCESS_KEY\" | refund-desk set-key।",
    },
    paperSize: {
      title: "काग़ज़ का आकार सही नहीं है",
      action: "58mm, 80mm या a4 दें।",
    },
    agentCopy: {
      title: "एजेंट की कॉपी की सेटिंग सही नहीं है",
      action: "kiosk, always या never दें।",
    },
    receiptLanguages: {
      title: "रसीद की भाषा सही नहीं है",
      action: "interface या both दें।",
    },
    rbiGrievance: {
      title: "RBI शिकायत मार्ग की सेटिंग सही नहीं है",
      action: "on या off दें।",
    },
    signer: {
      title: "साइनर सही नहीं है",
      action: "keychain या pkcs11 दें।",
    },
  },
  ekoCodes: {
    "303": "ओटीपी की समय-सीमा ख़त्म हो गई। refund-desk otp से ग्राहक को नया ओटीपी भेजें।",
    "319": "सेटिंग्स वाला इनिशिएटर आईडी (initiator-id) Eko में दर्ज नहीं है। IT एडमिन से जाँच करवाएँ।",
    "463": "Eko को सेटिंग्स वाला यूज़र नहीं मिला। IT एडमिन से initiator-id जाँचने को कहें।",
  },
  accessKeyNeedsEnvironment: {
    title: "एक्सेस की UAT, प्रोडक्शन या कस्टम URL की होती है",
    action:
      "पहले एनवायरनमेंट सेट करें (refund-desk config set environment uat, या custom उसके base-url के साथ): की उसी एनवायरनमेंट के लिए रखी जाती है और सिर्फ़ उसी के लिए साइन करती है।",
  },
  invalidOther: {
    title: "रिफ़ंड डेस्क को ऐसा कुछ दिया गया जिसे वह इस्तेमाल नहीं कर सकता",
    action: "कमांड और उसके आर्ग्युमेंट जाँचें (refund-desk --help)। बार-बार हो तो सपोर्ट को फ़ोन करें।",
  },
  out: {
    otpSent: "ओटीपी ग्राहक के मोबाइल पर गया: ट्रांज़ैक्शन {tid}, भेजा गया {time} ({environment})।",
    status: "स्टेटस",
    next: "आगे",
    checkedAt: "जाँचा गया",
    account: "खाता, आख़िरी अंक {last4}",
    refunded: "रिफ़ंड हो गया: ट्रांज़ैक्शन {tid}",
    ofTransaction: "{amount} (ट्रांज़ैक्शन की रक़म)",
    confirmedBy: "पुष्टि",
    byRefund: "रिफ़ंड पर Eko का जवाब।",
  },
  stillWaiting: "Eko के जवाब का अब भी इंतज़ार है ({seconds} सेकंड)…",
  journal: {
    datesFormat: "--from और --to तारीखें YYYY-MM-DD के रूप में लिखी होनी चाहिए",
    fromAfterTo: "--from की तारीख --to के बाद की है",
    osLogFileAlone: "--os-log-file और --os-log-account केवल --against-os-log के साथ दिए जाते हैं",
    osLogWholeJournal: "--against-os-log पूरी जर्नल जाँचता है: --from और --to हटा दें",
    osLogUnreadable: "OS लॉग पढ़ा नहीं जा सका: {why}",
    noSystemFolder: "सिस्टम फ़ोल्डर नहीं मिला",
    broken: "जर्नल की चेन {file} की पंक्ति {line} पर टूटी है ({why}): वहाँ से आगे की पंक्तियाँ बदली, हटाई या आगे-पीछे की गई हैं",
    unsealed: "बिना सील की पंक्ति",
    unlinked: "पिछली पंक्ति से नहीं जुड़ती",
    intact: "जर्नल की चेन सही है: {files} फ़ाइल(लों) में {lines} पंक्ति(याँ){before}{kept}{torn}",
    tornLines: "; {n} अधूरी पंक्ति(याँ), क्रैश या भरी डिस्क से बीच में कटा लेखन (पहली {file} की पंक्ति {line} पर)",
    olderLines: "; चेन से पहले की {n} पुरानी पंक्ति(याँ)",
    keptFrom: "; {month} से रखी गई (उससे पहले के महीने रिटेंशन से हटाए गए)",
    head: "हेड {head}",
    witnessed: "OS लॉग: {witnessed} पंक्ति(याँ) दर्ज, हर एक अब भी जर्नल में है; पिछली के बाद {tail} पंक्ति(याँ) लिखी गईं",
    witnessMismatch: "OS लॉग: जर्नल उससे मेल नहीं खाती जो OS लॉग ने दर्ज किया ({witnessed} पंक्ति(याँ)):",
    witnessMissing: "OS लॉग में दर्ज {n} पंक्ति(याँ) अब जर्नल में नहीं हैं, पहली:",
    otherAccounts: "OS लॉग: दूसरी जर्नल (दूसरे खाते या PC) की {n} पंक्ति(याँ), इस जर्नल से नहीं मिलाई गईं",
    witnessNone: "OS लॉग में इस जर्नल ({account}) की कोई पंक्ति नहीं है: इसकी पंक्तियों की गवाही देने वाला कुछ नहीं",
    witnessHeadLost: "जर्नल अब उस आख़िरी हेड तक नहीं पहुँचती जो OS लॉग ने देखा ({head}): उसका अंत काटा या दोबारा लिखा गया है",
    unknownCommand: 'अज्ञात journal कमांड "{name}"',
    jsonNeedsOut: "--json के साथ --out <file> ज़रूरी है",
    cannotWrite: "{out} लिखी नहीं जा सकती ({code})",
    exported: "{rows} अनुरोध निर्यात किए गए{to}{skipped}",
    exportedTo: " {out} में",
    damagedSkipped: "; {n} ख़राब पंक्ति(याँ) छोड़ी गईं",
    damagedLines: "{n} ख़राब पंक्ति(याँ) छोड़ी गईं",
    nothingExported: "कुछ भी निर्यात नहीं हुआ। {advice} ({kind})",
    kioskNeedsPin:
      "यह कियोस्क काउंटर है: जर्नल निर्यात के लिए एडमिन PIN स्टैंडर्ड इनपुट पर देना होगा, जैसे printf '%s' \"$PIN\" | refund-desk journal export …",
    dateFormat: "--date तारीख YYYY-MM-DD के रूप में लिखी होनी चाहिए",
    summary: {
      day: "दिन",
      refunds: "रिफ़ंड हुए",
      refundedTotal: "कुल रिफ़ंड",
      withoutAmount: " (+ {n} जाँच से पुष्ट, राशि Eko ने नहीं बताई)",
      fees: "शुल्क",
      otpsSent: "भेजे गए OTP",
      checks: "जाँचें",
      reprints: "दोबारा प्रिंट",
      lookups: "मोबाइल से खोज",
      failures: "विफलताएँ",
      none: "कोई नहीं",
    },
  },
  pinHash: {
    onlyStdin: "PIN स्टैंडर्ड इनपुट से पढ़ा जाता है; इसे कभी आर्ग्युमेंट के रूप में न दें (यह शेल की हिस्ट्री में रह जाएगा)।",
    tooWeak: "एडमिन PIN कम से कम 6 अंकों का हो, या कम से कम 10 अक्षरों का पासफ़्रेज़।",
    offline: "ऑफ़लाइन खोज, इसी कंप्यूटर पर मापी गई: {text}।",
    digitsPin: "{length} अंकों का PIN",
    passphrase: "{length} अक्षरों का पासफ़्रेज़ (उसके प्रकारों के यादृच्छिक अक्षर: {alphabet}^{length})",
    phraseTail: "; शब्दों से बना वाक्यांश कहीं जल्दी मिल जाता है",
    search: "ln={ln} पर {what}: लगभग {guesses} × {perGuess} = एक कोर पर {duration}{tail}",
    milliseconds: "{n} मिलीसेकंड",
    seconds: "{n} सेकंड",
    minutes: "{n} मिनट",
    hours: "{n} घंटे",
    days: "{n} दिन",
    years: "{n} वर्ष",
  },
  config: {
    unknownSetting: 'अज्ञात सेटिंग "{name}"; इनमें से एक: {names}',
    needsValue: "{name} के लिए मान चाहिए",
    givenTwice: "{name} दो बार दी गई है",
    wholeNumber: "{name} {unit} में पूर्ण संख्या होनी चाहिए",
    units: { milliseconds: "मिलीसेकंड", minutes: "मिनट", months: "महीनों" },
    onOrOff: "{name} on या off होनी चाहिए",
    noSettings: "कम से कम एक सेटिंग और उसका मान दें",
    usage: "उपयोग: refund-desk config show [--json] | config set <name> <value> [<name> <value> …]",
    nothingChanged: "कुछ भी नहीं बदला गया:",
    none: "(कोई नहीं)",
    on: "on",
    off: "off",
    hidden: "(सेटिंग्स लॉक हैं, इसलिए छिपा)",
    notSetPolicy: "(सेट नहीं: इसे पॉलिसी सेट करती है)",
    notSet: "(सेट नहीं)",
    accessKey: "एक्सेस की",
    tokenPin: "टोकन PIN",
    inKeychain: "सिस्टम कीचेन में रखी है",
    inToken: "कीचेन में नहीं (टोकन में है)",
    notStored: "रखी नहीं गई",
    keychainUnavailable: "कीचेन उपलब्ध नहीं",
    counter: "काउंटर",
    notProvisioned: "(प्रोविज़न नहीं हुआ)",
    kioskMode: "कियोस्क मोड",
    settingsLock: "सेटिंग्स लॉक",
    locked: "लॉक",
    unlocked: "खुला",
    adminPin: "एडमिन PIN",
    pinSet: "सेट है",
    pinNotSet: "सेट नहीं",
    policyFrom: "पॉलिसी कहाँ से",
    fromMachine: "मशीन-व्यापी पॉलिसी",
    fromProvisioning: "प्रोविज़निंग",
    fromNone: "कोई नहीं",
    lockedDown: "लॉक डाउन, Eko को कुछ नहीं जाता: {path} इस्तेमाल नहीं हो सकती: {why}",
    attention: "ध्यान दें: {notices}",
    keyInToken: "एक्सेस की टोकन {token} में {key} के रूप में है; कीचेन में कोई नहीं बची।",
    keyStored: "एक्सेस की सिस्टम कीचेन में रखी गई है।",
    keyOnlyStdin: "set-key एक्सेस की स्टैंडर्ड इनपुट से पढ़ता है; इसे कभी आर्ग्युमेंट के रूप में न दें (यह शेल की हिस्ट्री में रह जाएगी)।",
    tokenPinOnlyStdin: "set-token-pin PIN स्टैंडर्ड इनपुट से पढ़ता है; इसे कभी आर्ग्युमेंट के रूप में न दें।",
    tokenPinStored: "टोकन PIN सिस्टम कीचेन में रखा गया है।",
  },
  provision: {
    usageNote: "जिस काउंटर पर एडमिन PIN है, वहाँ वह PIN दें (--pin-stdin या --pin-file) या एडमिनिस्ट्रेटर (root) के रूप में चलाएँ।",
    fileRequired: "--file <policy.json> ज़रूरी है",
    keyOneWay: "एक्सेस की एक ही तरह से दें: --key-stdin या --key-file",
    pinOneWay: "एडमिन PIN एक ही तरह से दें: --pin-stdin या --pin-file",
    stdinOne: "स्टैंडर्ड इनपुट पर की या PIN में से एक ही आ सकता है, दोनों नहीं: एक के लिए --pin-file या --key-file दें",
    policyInvalid: "पॉलिसी फ़ाइल सही नहीं है; कुछ भी नहीं बदला गया",
    practiceKey:
      "Practice सिम्युलेटर की अपनी की से साइन करता है: एक्सेस की uat, production या custom पॉलिसी के साथ दें; कुछ भी नहीं बदला गया",
    keyTooLong: "एक्सेस की Eko की एक्सेस की होने के लिए बहुत लंबी है; कुछ भी नहीं बदला गया",
    keyEmpty: "एक्सेस की ख़ाली है; कुछ भी नहीं बदला गया",
    noKey:
      "{environment} के लिए कोई एक्सेस की रखी नहीं है और कोई दी भी नहीं गई: --key-stdin या --key-file जोड़ें; कुछ भी नहीं बदला गया",
    notUpdated: "डेटा फ़ोल्डर {dir} अपडेट नहीं हो सका ({code}); प्रोविज़निंग फिर से चलाएँ",
    pinRequired:
      "इस काउंटर पर एडमिन PIN है: उसे --pin-stdin या --pin-file से दें, या प्रोविज़निंग एडमिनिस्ट्रेटर (root) के रूप में चलाएँ; कुछ भी नहीं बदला गया",
    lockUnreadable: "इस काउंटर का लॉक पढ़ा नहीं जा सकता: प्रोविज़निंग एडमिनिस्ट्रेटर (root) के रूप में चलाएँ; कुछ भी नहीं बदला गया",
    pinWait: "बहुत बार ग़लत एडमिन PIN: {seconds} सेकंड बाद फिर कोशिश करें; कुछ भी नहीं बदला गया",
    stateUnreadable:
      "इस काउंटर का साझा रिकॉर्ड ({file}) पढ़ा नहीं जा सकता, इसलिए कोई PIN जाँचा नहीं जाता: {cause}; कुछ भी नहीं बदला गया",
    wrongPin: "एडमिन PIN सही नहीं है; कुछ भी नहीं बदला गया",
    notPinFile: "{path} एडमिन PIN की फ़ाइल नहीं है; कुछ भी नहीं बदला गया",
    pinFileUnreadable: "PIN फ़ाइल {path} पढ़ी नहीं जा सकती ({code}); कुछ भी नहीं बदला गया",
    policyTooLarge: "पॉलिसी फ़ाइल {path} पॉलिसी होने के लिए बहुत बड़ी है; कुछ भी नहीं बदला गया",
    policyUnreadable: "पॉलिसी फ़ाइल {path} पढ़ी नहीं जा सकती ({code}); कुछ भी नहीं बदला गया",
    keyFileLink: "{path} एक लिंक है या उसके और नाम भी हैं: की की असली फ़ाइल दें; उसे जैसी थी वैसी छोड़ा गया और कुछ भी नहीं बदला गया",
    keyFileUnusable: "की फ़ाइल {path} इस्तेमाल नहीं हो सकती ({code}); कुछ भी नहीं बदला गया",
    keyFileNotRegular:
      "की फ़ाइल {path} इस्तेमाल नहीं हो सकती ({code}): यह एक सामान्य फ़ाइल होनी चाहिए जिसे यह अकाउंट पढ़ और बदल सके; कुछ भी नहीं बदला गया",
    notKeyFile: "{path} एक्सेस की की फ़ाइल नहीं है; उसे जैसी थी वैसी छोड़ा गया और कुछ भी नहीं बदला गया",
    keyFileNotOverwritten:
      "की फ़ाइल {path} मिटाकर लिखी नहीं जा सकी ({code}): उसे हाथ से हटाएँ; की रखी नहीं गई और कुछ भी नहीं बदला गया",
    keyFileNotDeleted:
      "की फ़ाइल {path} पर शून्य लिख दिए गए पर वह हटाई नहीं जा सकी ({code}): उसे हाथ से हटाएँ; कुछ भी नहीं बदला गया",
    dataUnwritable: "डेटा फ़ोल्डर {dir} में लिखा नहीं जा सकता ({code}); कुछ भी नहीं बदला गया",
    notApplied: "{advice} (पॉलिसी लागू नहीं की गई।)",
    done: 'काउंटर "{counter}" प्रोविज़न हुआ (डेटा फ़ोल्डर {dir})',
    environment: "एनवायरनमेंट",
    kioskMode: "कियोस्क मोड",
    settingsLocked: "सेटिंग्स लॉक",
    adminPin: "एडमिन PIN",
    accessKey: "एक्सेस की",
    keyFile: "की फ़ाइल",
    lockKeptIn: "लॉक कहाँ रखा",
    on: "on",
    off: "off",
    yes: "हाँ",
    no: "नहीं",
    pinSet: "सेट है (salt वाले scrypt हैश के रूप में रखा)",
    none: "कोई नहीं",
    keyStored: "सिस्टम कीचेन में रखी",
    keyInToken: "टोकन में (संवेदनशील, बाहर नहीं निकाली जा सकती, केवल साइन के लिए); कीचेन में कोई नहीं",
    keyKept: "नहीं बदली",
    keyNone: "कोई नहीं (Practice में ज़रूरी नहीं)",
    keyFileRemoved: "मिटाकर हटा दी गई",
    lockInKeychain: "सिस्टम कीचेन (एक प्रति डेटा फ़ोल्डर में)",
    lockInFolder: "केवल डेटा फ़ोल्डर (कीचेन नहीं)",
    machineWins: "ध्यान दें: मशीन-व्यापी पॉलिसी {origin} लागू है और इस पर भारी पड़ती है।",
  },
  options: {
    unexpected: 'अनपेक्षित आर्ग्युमेंट "{arg}"',
    givenTwice: "{arg} दो बार दिया गया है",
    needsValue: "{arg} के लिए मान चाहिए",
    unknown: "अज्ञात विकल्प {arg}",
    meantOption: " (क्या आपका मतलब --{meant} था?)",
    unknownCommand: 'अज्ञात कमांड "{command}"',
    meantCommand: ' (क्या आपका मतलब "{meant}" था?)',
  },
  doctor: {
    reachable:
      "Eko के सर्वर ने जवाब दिया (जाँच पर HTTP {status}, जैसा अपेक्षित है: कोई भी HTTP जवाब बताता है कि सर्वर तक पहुँचा जा सकता है)।",
    practiceReachable:
      "अभ्यास सिम्युलेटर ने जवाब दिया (जाँच पर HTTP {status}, जैसा अपेक्षित है: कोई भी HTTP जवाब बताता है कि वह चल रहा है)।",
    clock: {
      eko: {
        matches: "इस कंप्यूटर की घड़ी Eko की घड़ी से मिलती है ({offset} का अंतर)।",
        behind: "इस कंप्यूटर की घड़ी Eko की घड़ी से {offset} पीछे है।",
        ahead: "इस कंप्यूटर की घड़ी Eko की घड़ी से {offset} आगे है।",
      },
      practice: {
        matches: "इस कंप्यूटर की घड़ी अभ्यास सिम्युलेटर की घड़ी से मिलती है ({offset} का अंतर)।",
        behind: "इस कंप्यूटर की घड़ी अभ्यास सिम्युलेटर की घड़ी से {offset} पीछे है।",
        ahead: "इस कंप्यूटर की घड़ी अभ्यास सिम्युलेटर की घड़ी से {offset} आगे है।",
      },
    },
  },
};
