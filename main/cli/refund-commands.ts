/**
 * `refund-desk inquire <tid> [--json]` and `refund-desk refund <tid> [--otp-ref <otp_ref_id>] [--json]`:
 * the check and refund steps for support staff and scripts, through the same refund flow as the
 * window. Without --otp-ref the OTP is the one Eko texted the customer when the transfer failed.
 * The customer's OTP is read from standard input only (an argument would stay in the shell
 * history and the process list), and nothing here ever prints it.
 */
import { catalogue, describeTxState, fill, type Lang } from "../../app/messages/describe-error";
import type { PendingRefunds } from "../../app/pending";
import type { RefundReceipt } from "../../app/refund";
import type { Transaction } from "../../app/transaction";
import type { RefundDesk } from "../refund-desk";
import { report, withProgress, type CliIo } from "./cli-common";
import { money, rows, when } from "./cli-format";
import { EXIT } from "./exit-codes";
import { cliWords, type CliMessages } from "../../app/messages/cli-words";

const INQUIRE_USAGE = "usage: refund-desk inquire <tid> [--json]";
const PENDING_USAGE = "usage: refund-desk pending <mobile> [--json]";
const REFUND_USAGE =
  "usage: refund-desk refund <tid> [--otp-ref <otp_ref_id>] [--json]   (the customer's OTP on standard input)";

/** An OTP is a few digits; anything longer on the first line is not one. */
const MAX_OTP_LINE = 64;

export async function inquireCommand(args: string[], json: boolean, io: CliIo, desk: RefundDesk): Promise<number> {
  if (args.length !== 1 || args[0]?.startsWith("--")) return usage(io, INQUIRE_USAGE);
  return report(
    await withProgress(desk.refundFlow.inquire({ tid: args[0] ?? "" }), io),
    json,
    io,
    (tx) => formatTransaction(tx, io.lang ?? "en"),
    "inquiry",
  );
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
  return report(await withProgress(desk.refundFlow.refund(request, { checkFirst: true }), io), json, io, (receipt) =>
    formatReceipt(receipt, io.lang ?? "en"),
  );
}

/** Find by customer mobile: the mobile goes to Eko only; the output names its last 4 digits. */
export async function pendingCommand(args: string[], json: boolean, io: CliIo, desk: RefundDesk): Promise<number> {
  if (args.length !== 1 || args[0]?.startsWith("--")) return usage(io, PENDING_USAGE);
  return report(
    await withProgress(desk.services.pendingRefunds({ mobile: args[0] ?? "" }), io),
    json,
    io,
    (list) => formatPending(list, io.lang ?? "en"),
    "pending",
  );
}

function formatPending(list: PendingRefunds, lang: Lang): string {
  const m = catalogue(lang);
  const cli: CliMessages = cliWords(lang);
  const where = `(${m.env.badge[list.environment]})`;
  if (list.transfers.length === 0) return `${fill(m.findMobile.none, { last4: list.mobileLast4 })} ${where}`;
  return [
    `${fill(m.findMobile.listTitle, { last4: list.mobileLast4 })} ${where}:`,
    ...list.transfers.map(
      (t) =>
        `${t.tid.padEnd(12)} ${money(t.amount, lang).padEnd(14)} ${when(t.time, lang)}  ${t.recipientName ?? m.transaction.notGiven}${t.recipientAccountLast4 ? `, ${fill(cli.out.account, { last4: t.recipientAccountLast4 })}` : ""}`,
    ),
  ].join("\n");
}

function usage(io: CliIo, text: string): number {
  io.stderr.write(`refund-desk: ${text}\n`);
  return EXIT.usage;
}

function formatTransaction(tx: Transaction, lang: Lang): string {
  const m = catalogue(lang);
  const cli: CliMessages = cliWords(lang);
  const { title, action } = describeTxState(tx.state, lang);
  const eko = tx.statusText ? `, ${fill(m.transaction.ekoSays, { text: `"${tx.statusText}"` })}` : "";
  const status = `tx_status ${tx.txStatus ?? "none"}${eko}`;
  return [
    `${fill(m.transaction.title, { tid: tx.tid })}: ${title}`,
    rows([
      [cli.out.status, status],
      [cli.out.next, action],
      [m.transaction.amount, money(tx.amount, lang)],
      [m.transaction.fee, money(tx.fee, lang)],
      [m.transaction.sender, tx.senderName ?? m.transaction.notGiven],
      [
        m.transaction.recipient,
        `${tx.recipientName ?? m.transaction.notGiven}${tx.recipientAccountLast4 ? `, ${fill(cli.out.account, { last4: tx.recipientAccountLast4 })}` : ""}`,
      ],
      [m.transaction.time, when(tx.time, lang)],
      [cli.out.checkedAt, `${when(tx.checkedAt, lang)} (${m.env.badge[tx.environment]})`],
    ]),
  ].join("\n");
}

function formatReceipt(receipt: RefundReceipt, lang: Lang): string {
  const m = catalogue(lang);
  const cli: CliMessages = cliWords(lang);
  const refunded =
    receipt.refundedAmount !== null || !receipt.transaction?.amount
      ? money(receipt.refundedAmount, lang)
      : fill(cli.out.ofTransaction, { amount: money(receipt.transaction.amount, lang) });
  return [
    fill(cli.out.refunded, { tid: receipt.tid }),
    rows([
      [m.receipt.refundTid, receipt.refundTid ?? m.transaction.notGiven],
      [m.receipt.amount, refunded],
      [m.receipt.fee, money(receipt.fee, lang)],
      [m.receipt.balance, money(receipt.balance, lang)],
      [m.receipt.time, `${when(receipt.refundedAt, lang)} (${m.env.badge[receipt.environment]})`],
      [cli.out.confirmedBy, receipt.confirmedBy === "refund" ? cli.out.byRefund : m.receipt.byInquiry],
    ]),
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
