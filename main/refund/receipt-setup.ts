import type { DeskPolicy } from "../../app/policy";
import type { ReceiptSetup } from "../../app/receipt";
import type { Settings } from "../../app/settings";
import { PRACTICE_CREDENTIALS } from "../simulator/practice-credentials";

/**
 * How this counter prints: the settings in force (a policy's fields already over them) and the
 * counter's name. The agent's copy follows kiosk mode unless the admin chose always or never.
 * The user_code is printed as the agent code even while locked settings hide it on screen: it is
 * on every receipt the customer takes away.
 */
export function receiptSetup(settings: Settings, desk: Pick<DeskPolicy, "counterName" | "kioskMode">): ReceiptSetup {
  const agentCopy = settings.agentCopy === "always" || (settings.agentCopy === "kiosk" && desk.kioskMode);
  return {
    paperSize: settings.paperSize,
    languages: settings.receiptLanguages,
    agentCopy,
    helpline: settings.helpline,
    grievanceContact: settings.grievanceContact,
    rbiGrievance: settings.rbiGrievance,
    counterName: desk.counterName,
    agentCode: settings.environment === "practice" ? PRACTICE_CREDENTIALS.userCode : settings.userCode,
  };
}
