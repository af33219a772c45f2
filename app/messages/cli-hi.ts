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
