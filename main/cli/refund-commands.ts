/**
 * `refund-desk inquire <tid> [--json]` and `refund-desk refund <tid> [--otp-ref <otp_ref_id>] [--json]`:
 * the check and refund steps for support staff and scripts, through the same refund flow as the
 * window. Without --otp-ref the OTP is the one Eko texted the customer when the transfer failed.
 * The customer's OTP is read from standard input only (an argument would stay in the shell
 * history and the process list), and nothing here ever prints it.
 */
import { describeTxState } from "../../app/messages/describe-error";
import type { PendingRefunds } from "../../app/pending";
import type { RefundReceipt } from "../../app/refund";
import type { Transaction } from "../../app/transaction";
import type { RefundDesk } from "../refund-desk";
import { report, withProgress, type CliIo } from "./cli-common";
import { EXIT } from "./exit-codes";

const INQUIRE_USAGE = "usage: refund-desk inquire <tid> [--json]";
const PENDING_USAGE = "usage: refund-desk pending <mobile> [--json]";
const REFUND_USAGE =
  "usage: refund-desk refund <tid> [--otp-ref <otp_ref_id>] [--json]   (the customer's OTP on standard input)";

/** An OTP is a few digits; anything longer on the first line is not one. */
const MAX_OTP_LINE = 64;

export async function inquireCommand(args: string[], json: boolean, io: CliIo, desk: RefundDesk): Promise<number> {
  if (args.length !== 1 || args[0]?.startsWith("--")) return usage(io, INQUIRE_USAGE);
  return report(await withProgress(desk.refundFlow.inquire({ tid: args[0] ?? "" }), io), json, io, formatTransaction);
}

export async function refundCommand(args: string[], json: boolean, io: CliIo, desk: RefundDesk): Promise<number> {
  const at = args.indexOf("--otp-ref");
  const otpRefId = at >= 0 ? args[at + 1] : undefined;
  const others = at >= 0 ? args.filter((_, i) => i !== at && i !== at + 1) : args;
  const badRef = at >= 0 && (!otpRefId || otpRefId.startsWith("--"));
  // Never echo what was given: a mistaken argument may be the customer's OTP.
  if (badRef || others.length !== 1 || others[0]?.startsWith("--")) {
    return usage(
      io,
      `${REFUND_USAGE}\nThe customer's OTP is read from standard input only, never from the command line.`,
    );
  }
  if ((io.stdin as { isTTY?: boolean }).isTTY) io.stderr.write("Customer's OTP: ");
  const otp = await readFirstLine(io.stdin);
  const request = { tid: others[0] ?? "", otp, ...(otpRefId === undefined ? {} : { otpRefId }) };
  // Checked first, so the refund's journal line carries the transfer's amount, time and account.
  return report(await withProgress(desk.refundFlow.refund(request, { checkFirst: true }), io), json, io, formatReceipt);
}

/** Find by customer mobile: the mobile goes to Eko only; the output names its last 4 digits. */
export async function pendingCommand(args: string[], json: boolean, io: CliIo, desk: RefundDesk): Promise<number> {
  if (args.length !== 1 || args[0]?.startsWith("--")) return usage(io, PENDING_USAGE);
  return report(
    await withProgress(desk.services.pendingRefunds({ mobile: args[0] ?? "" }), io),
    json,
    io,
    formatPending,
  );
}

function formatPending(list: PendingRefunds): string {
  if (list.transfers.length === 0)
    return `no transfer of the customer with mobile ending ${list.mobileLast4} is waiting for a refund (${list.environment})`;
  return [
    `${list.transfers.length} transfer(s) of the customer with mobile ending ${list.mobileLast4} waiting for a refund (${list.environment}):`,
    ...list.transfers.map(
      (t) =>
        `${t.tid.padEnd(12)} ${money(t.amount).padEnd(14)} ${t.time ?? "(no date)"}  ${t.recipientName ?? "(no name)"}${t.recipientAccountLast4 ? `, account ending ${t.recipientAccountLast4}` : ""}`,
    ),
  ].join("\n");
}

function usage(io: CliIo, text: string): number {
  io.stderr.write(`refund-desk: ${text}\n`);
  return EXIT.usage;
}

const money = (rupees: string | null) => (rupees === null ? "(not given)" : `₹${rupees}`);

function formatTransaction(tx: Transaction): string {
  const { title, action } = describeTxState(tx.state, "en");
  const eko = tx.statusText ? `, Eko: "${tx.statusText}"` : "";
  return [
    `transaction ${tx.tid}: ${title} (tx_status ${tx.txStatus ?? "none"}${eko})`,
    `next:        ${action}`,
    `amount:      ${money(tx.amount)} (fee ${money(tx.fee)})`,
    `sender:      ${tx.senderName ?? "(not given)"}`,
    `recipient:   ${tx.recipientName ?? "(not given)"}${tx.recipientAccountLast4 ? `, account ending ${tx.recipientAccountLast4}` : ""}`,
    `made at:     ${tx.time ?? "(not given)"}`,
    `checked at:  ${tx.checkedAt} (${tx.environment})`,
  ].join("\n");
}

function formatReceipt(receipt: RefundReceipt): string {
  const how =
    receipt.confirmedBy === "refund"
      ? "Eko's answer to the refund"
      : "a transaction inquiry (Eko's answer to the refund was lost)";
  return [
    `Refunded: transaction ${receipt.tid}`,
    `refund tid:   ${receipt.refundTid ?? "(not given)"}`,
    `refunded:     ${receipt.refundedAmount !== null || !receipt.transaction?.amount ? money(receipt.refundedAmount) : `${money(receipt.transaction.amount)} (the transaction's amount)`}`,
    `fee:          ${money(receipt.fee)}`,
    `new balance:  ${money(receipt.balance)}`,
    `at:           ${receipt.refundedAt} (${receipt.environment})`,
    `confirmed by: ${how}`,
  ].join("\n");
}

/** The first line of standard input: the OTP, typed or piped. */
async function readFirstLine(stream: NodeJS.ReadableStream): Promise<string> {
  let text = "";
  for await (const chunk of stream) {
    text += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    if (text.includes("\n") || text.length > MAX_OTP_LINE) break;
  }
  return text.split(/\r?\n/)[0] ?? "";
}
