/**
 * `refund-desk pin-hash [--json]`: reads an admin PIN from standard input and prints its salted
 * scrypt hash, for the machine-wide policy's adminPinHash (that file is readable by every user of
 * the computer, so it never holds the PIN itself).
 */
import { hashPin, pinStrengthProblem, type ScryptParams } from "../admin/pin-hash";
import { readAll, type CliIo } from "./cli-common";
import { EXIT } from "./exit-codes";

export async function pinHashCommand(args: string[], json: boolean, io: CliIo, cost?: ScryptParams): Promise<number> {
  if (args.length > 0) {
    io.stderr.write(
      "refund-desk pin-hash: the PIN is read from standard input; never pass it as an argument (it would stay in the shell history).\n",
    );
    return EXIT.usage;
  }
  const pin = (await readAll(io.stdin)).trim();
  const weak = pinStrengthProblem(pin);
  if (weak) {
    const error = { kind: "invalid-input", field: "adminPin", reason: weak };
    const message = "The admin PIN must be at least 6 digits, or a passphrase of at least 10 characters.";
    if (json) io.stdout.write(`${JSON.stringify({ ok: false, error: { ...error, message } })}\n`);
    else io.stderr.write(`refund-desk pin-hash: ${message}\n`);
    return EXIT.usage;
  }
  const adminPinHash = await hashPin(pin, cost);
  io.stdout.write(json ? `${JSON.stringify({ ok: true, value: { adminPinHash } })}\n` : `${adminPinHash}\n`);
  return EXIT.ok;
}
