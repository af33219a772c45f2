/**
 * `refund-desk pin-hash [--json]`: reads an admin PIN from standard input and prints its salted
 * scrypt hash, for the machine-wide policy's adminPinHash (that file is readable by every user of
 * the computer, so it never holds the PIN itself).
 */
import { ADMIN_PIN_PATTERN, hashPin } from "../admin/pin-hash";
import { readAll, type CliIo } from "./cli-common";
import { EXIT } from "./exit-codes";

export async function pinHashCommand(args: string[], json: boolean, io: CliIo): Promise<number> {
  if (args.length > 0) {
    io.stderr.write("refund-desk pin-hash: the PIN is read from standard input; never pass it as an argument (it would stay in the shell history).\n");
    return EXIT.usage;
  }
  const pin = (await readAll(io.stdin)).trim();
  if (!ADMIN_PIN_PATTERN.test(pin)) {
    const error = { kind: "invalid-input", field: "adminPin", reason: "not-4-to-8-digits" };
    if (json) io.stdout.write(`${JSON.stringify({ ok: false, error: { ...error, message: "The admin PIN must be 4 to 8 digits." } })}\n`);
    else io.stderr.write("refund-desk pin-hash: the admin PIN must be 4 to 8 digits\n");
    return EXIT.usage;
  }
  const adminPinHash = await hashPin(pin);
  io.stdout.write(json ? `${JSON.stringify({ ok: true, value: { adminPinHash } })}\n` : `${adminPinHash}\n`);
  return EXIT.ok;
}
