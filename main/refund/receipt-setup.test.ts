import { test } from "node:test";
import assert from "node:assert/strict";
import { DEFAULT_SETTINGS, type Settings } from "../../app/settings";
import { receiptSetup } from "./receipt-setup";

const desk = { counterName: "Counter 7", kioskMode: false };
const kiosk = { counterName: null, kioskMode: true };

test("the receipt is set up from the settings in force and the counter's name", () => {
  const settings: Settings = {
    ...DEFAULT_SETTINGS,
    environment: "uat",
    userCode: "30810300",
    paperSize: "80mm",
    receiptLanguages: "both",
    helpline: "1800 000 0000",
    grievanceContact: "grievance@example.in",
    rbiGrievance: true,
    agentCopy: "never",
  };
  assert.deepEqual(receiptSetup(settings, desk), {
    paperSize: "80mm",
    languages: "both",
    agentCopy: false,
    helpline: "1800 000 0000",
    grievanceContact: "grievance@example.in",
    rbiGrievance: true,
    counterName: "Counter 7",
    agentCode: "30810300",
  });
});

test("the agent's copy: always, never, or with kiosk mode", () => {
  const copy = (agentCopy: Settings["agentCopy"], on: typeof desk | typeof kiosk) =>
    receiptSetup({ ...DEFAULT_SETTINGS, agentCopy }, on).agentCopy;
  assert.deepEqual(
    [copy("always", desk), copy("always", kiosk), copy("never", desk), copy("never", kiosk)],
    [true, true, false, false],
  );
  assert.deepEqual([copy("kiosk", desk), copy("kiosk", kiosk)], [false, true]);
});

test("Practice prints its own user code as the agent code", () => {
  assert.equal(receiptSetup({ ...DEFAULT_SETTINGS, userCode: "30810300" }, desk).agentCode, "20810200");
});
