/** Kiosk mode from the machine-wide policy in the real app, and leaving it with the admin PIN. */
import { expect, test } from "@playwright/test";
import { hashPin } from "../../main/admin/pin-hash";
import { E2E_ADMIN_PIN } from "../fixtures/test-keys";
import { exitOf, launchDesk, type Desk } from "./desk-app";

let desk: Desk | undefined;
test.afterEach(async () => {
  await desk?.close();
  desk = undefined;
});

test("a machine policy with kioskMode opens a kiosk window that refuses to close; the admin PIN quits it", async () => {
  const policy = {
    environment: "practice",
    counterName: "Kiosk 4",
    kioskMode: true,
    settingsLocked: true,
    adminPinHash: await hashPin(E2E_ADMIN_PIN),
  };
  desk = await launchDesk({ policy });
  const { app } = desk;
  const page = await app.firstWindow();
  await expect(page.getByTestId("counter-name")).toHaveText("Counter: Kiosk 4");
  const state = () =>
    app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows().map((w) => ({
        kiosk: w.isKiosk(),
        closable: w.isClosable(),
        visible: w.isVisible(),
      })),
    );
  expect(await state()).toEqual([{ kiosk: true, closable: false, visible: true }]);

  // A close from outside the app (as Alt+F4 or the window manager would ask) is refused.
  await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close());
  await page.waitForTimeout(500);
  expect(await state()).toEqual([{ kiosk: true, closable: false, visible: true }]);

  await page.getByTestId("exit-kiosk").click();
  await page.getByTestId("admin-pin").fill("00000000");
  await page.getByTestId("pin-submit").click();
  await expect(page.getByTestId("pin-error")).toHaveAttribute("data-kind", "wrong-pin");
  expect(app.process().exitCode).toBeNull();

  const exited = exitOf(app);
  await page.getByTestId("admin-pin").fill(E2E_ADMIN_PIN);
  await page.getByTestId("pin-submit").click();
  expect(await exited).toBe(0);
});
