/**
 * `refund-desk provision --file <policy.json> [--key-stdin | --key-file <path>] [--json]`: applies
 * an admin's policy to this account's data folder and keychain in one step, for deployment scripts.
 *
 * Order matters: the whole policy is checked before anything is touched (a bad one changes
 * nothing, the key file included); a key file, once read, is overwritten and deleted whatever
 * happens next, because a key left on disk is the one outcome provisioning must never have; the
 * files are staged before the keychain is written and put in place only after it succeeded.
 */
import {
  closeSync,
  constants,
  fstatSync,
  fsyncSync,
  lstatSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
  unlinkSync,
  type BigIntStats,
} from "node:fs";
import { join } from "node:path";
import { accessKeyFrom } from "../../app/access-key";
import type { RefundDeskError } from "../../app/errors";
import { adviceLine, describeError, fill, type Lang } from "../../app/messages/describe-error";
import type { Policy, PolicyFieldError } from "../../app/policy";
import { adminPinPath, adminPinText } from "../admin/admin-pin-file";
import { hashPin } from "../admin/pin-hash";
import { PIN_ATTEMPTS_FILE } from "../admin/pin-gate";
import { stageFile, writeAll, type StagedFile } from "../fs/durable-file";
import { counterPath, counterText } from "../policy/counter-file";
import { loadPolicyInForce, readPolicyInForce, type PolicyInForce } from "../policy/desk-policy";
import { developmentTrust } from "../policy/machine-policy";
import { createPinGate } from "../admin/pin-gate";
import { COUNTER_STATE_FILE, openCounterState } from "../fs/counter-state";
import { MAX_POLICY_BYTES, overlayPolicy, parsePolicyJson } from "../policy/policy";
import { keyBaseUrl } from "../eko/endpoint";
import { createAccessKey } from "../keychain/access-key";
import { createTokenClient } from "../signer/token-client";
import { putKeyInToken } from "../signer/token-key";
import { pinGuarded } from "../signer/pin-guard";
import { createTokenPin, NO_PIN_ENTRY } from "../signer/token-pin";
import type { Result } from "../../app/result";
import { DEFAULT_SETTINGS, type Settings } from "../../app/settings";
import { createSettingsFile, settingsText } from "../settings/settings-file";
import { parseOptions, readAll, type CliDeps, type CliIo, type ParsedOptions } from "./cli-common";
import { COMMAND_OPTIONS } from "./cli-options";
import { rows } from "./cli-format";
import { EXIT } from "./exit-codes";
import { cliWords, forCli, type CliMessages } from "../../app/messages/cli-words";

const PROVISION_USAGE =
  "usage: refund-desk provision --file <policy.json> [--key-stdin | --key-file <path>] [--pin-stdin | --pin-file <path>] [--json]";

type ProvisionWords = CliMessages["provision"];
type ProvisionKey = { [K in keyof ProvisionWords]: ProvisionWords[K] extends string ? K : never }[keyof ProvisionWords];

/** What a refusal says, as a value: put in words in the reader's language when it is written. */
type Said =
  | { key: ProvisionKey; values?: Record<string, string | number>; usage?: true }
  | { text: string; usage: true }
  | { notApplied: RefundDeskError };

/** An access key is a short token; anything bigger in a key file is the wrong file. */
const MAX_KEY_FILE_BYTES = 4096;

interface Failure {
  code: number;
  error: RefundDeskError;
  said: Said;
  problems?: PolicyFieldError[];
}

type Step<T> = { ok: true; value: T } | { ok: false; failure: Failure };

export async function provision(args: string[], json: boolean, io: CliIo, deps: CliDeps): Promise<number> {
  const lang = io.lang ?? "en";
  const done = await run(args, io, deps);
  if (done.ok) {
    io.stdout.write(
      json ? `${JSON.stringify({ ok: true, value: done.value })}\n` : `${describeDone(done.value, lang)}\n`,
    );
    return EXIT.ok;
  }
  const { code, error, said, problems } = done.failure;
  const message = say(said, lang);
  if (json)
    io.stdout.write(
      `${JSON.stringify({ ok: false, error: { ...error, message, ...(problems ? { problems } : {}) } })}\n`,
    );
  else
    io.stderr.write(
      `refund-desk provision: ${message}\n${(problems ?? []).map((p) => `  ${p.field}: ${p.reason}\n`).join("")}`,
    );
  return code;
}

interface Provisioned {
  dataDir: string;
  counterName: string;
  environment: Policy["environment"];
  kioskMode: boolean;
  settingsLocked: boolean;
  adminPin: "set" | "none";
  /**
   * stored: the given key is in the keychain; in-token: in the policy's token (signer pkcs11), none
   * left in the keychain; kept: none given, the stored one stays; none: neither.
   */
  accessKey: "stored" | "in-token" | "kept" | "none";
  keyFileRemoved: boolean;
  /** Where the lock is kept: the keychain (and a copy in the data folder), or the data folder alone. */
  lockKept: "keychain" | "data-folder";
  /** A valid machine-wide policy wins over what was just provisioned: IT should know. */
  machinePolicyInForce: string | null;
}

async function run(args: string[], io: CliIo, deps: CliDeps): Promise<Step<Provisioned>> {
  const options = parseOptions(args, COMMAND_OPTIONS.provision, io.lang);
  if (typeof options === "string") return usage({ text: options, usage: true });
  const policyFile = options.values.get("file");
  const keyFile = options.values.get("key-file");
  const pinFile = options.values.get("pin-file");
  if (!policyFile) return usage({ key: "fileRequired", usage: true });
  if (keyFile && options.flags.has("key-stdin")) return usage({ key: "keyOneWay", usage: true });
  if (pinFile && options.flags.has("pin-stdin")) return usage({ key: "pinOneWay", usage: true });
  if (options.flags.has("key-stdin") && options.flags.has("pin-stdin")) return usage({ key: "stdinOne", usage: true });

  const text = readPolicyText(policyFile);
  if (!text.ok) return text;
  const parsed = parsePolicyJson(text.value, "provision");
  if (!parsed.ok) {
    const [first] = parsed.error;
    return failed(EXIT.usage, first ?? invalid("file", "not-valid"), { key: "policyInvalid" }, parsed.error);
  }
  const { policy, pin } = parsed.value;

  // Before anything is read from the key file (which is then wiped) or written anywhere.
  const inForce = deps.machine
    ? await readPolicyInForce({ ...deps.machine.policy, dataDir: deps.dataDir, lockStore: deps.machine.lockStore })
    : loadPolicyInForce(deps.dataDir, deps.machinePolicyPath ?? null, developmentTrust());
  const authority = await checkAuthority(inForce, options, io, deps);
  if (!authority.ok) return authority;

  // The key is stored for the policy's environment and signs only for it (keychain/bound-key.ts).
  const accessKey = createAccessKey(deps.keyStore);
  const keyUrl = keyBaseUrl({ environment: policy.environment, customBaseUrl: policy.baseUrl ?? null });
  // With signer pkcs11 the key goes into the policy's token, and the keychain keeps none.
  const tokenSettings = overlayPolicy(DEFAULT_SETTINGS, policy);
  const toToken = tokenSettings.signer === "pkcs11";
  if (keyUrl === null && (keyFile || options.flags.has("key-stdin"))) {
    return failed(EXIT.usage, invalid("accessKey", "no-environment"), { key: "practiceKey" });
  }
  let key: string | null = null;
  if (keyFile) {
    const read = takeKeyFile(keyFile);
    if (!read.ok) return read;
    key = read.value;
  } else if (options.flags.has("key-stdin")) key = await readAll(io.stdin);
  if (key !== null) {
    const checked = accessKeyFrom(key);
    if (!checked.ok) {
      const tooLong = checked.error.kind === "invalid-input" && checked.error.reason === "too-long";
      return failed(EXIT.usage, checked.error, { key: tooLong ? "keyTooLong" : "keyEmpty" });
    }
    key = checked.value;
  }
  if (key === null && keyUrl !== null && !toToken) {
    const stored = await accessKey.get(keyUrl);
    if (!stored.ok) return keychainFailure(stored.error);
    if (!stored.value) {
      return failed(
        EXIT.usage,
        { kind: "not-configured", missing: ["accessKey"] },
        { key: "noKey", values: { environment: policy.environment } },
      );
    }
  }

  const pinHash = pin === null ? null : "clear" in pin ? await hashPin(pin.clear, deps.pinCost) : pin.hash;
  const staged = stageAll(deps.dataDir, policy, pinHash);
  if (!staged.ok) return staged;

  if (key !== null && keyUrl !== null) {
    const stored = toToken ? await intoToken(tokenSettings, key, deps) : await accessKey.set(key, keyUrl);
    if (!stored.ok) {
      for (const file of staged.value) file.discard();
      return keychainFailure(stored.error);
    }
    if (toToken) await accessKey.remove();
  }
  let lockKept: Provisioned["lockKept"] = "data-folder";
  if (deps.machine) {
    // The keychain's record is what the app trusts; the data folder's files are a copy. Without a
    // keychain (a Practice-only PC) the copy is all there is, and the report says so.
    const lock = await deps.machine.lockStore.write({ provisioned: { policy, pinHash } });
    if (lock.ok) {
      lockKept = "keychain";
      await deps.machine.attemptsSlot.remove();
    } else if (lock.error.kind !== "keychain-unavailable" || key !== null) {
      for (const file of staged.value) file.discard();
      return keychainFailure(lock.error);
    }
  }

  try {
    for (const file of staged.value) file.commit();
    if (pinHash === null) rmSync(adminPinPath(deps.dataDir), { force: true });
    // A new policy starts with no wrong-PIN waits.
    rmSync(join(deps.dataDir, PIN_ATTEMPTS_FILE), { force: true });
  } catch (error) {
    return failed(EXIT.failed, internal(error), {
      key: "notUpdated",
      values: { dir: deps.dataDir, code: errno(error) },
    });
  }

  let storedKey: Provisioned["accessKey"] = toToken ? "in-token" : "stored";
  if (key === null && toToken) storedKey = "kept";
  else if (key === null) {
    const stored = await accessKey.get(keyUrl);
    storedKey = stored.ok && stored.value ? "kept" : "none";
  }
  return {
    ok: true,
    value: {
      dataDir: deps.dataDir,
      counterName: policy.counterName,
      environment: policy.environment,
      kioskMode: policy.kioskMode,
      settingsLocked: policy.settingsLocked,
      adminPin: pinHash ? "set" : "none",
      accessKey: storedKey,
      keyFileRemoved: keyFile !== undefined,
      lockKept,
      machinePolicyInForce: inForce.desk.source === "machine" && !inForce.desk.problem ? inForce.origin : null,
    },
  };
}

/**
 * Re-provisioning a counter that has an admin PIN (or whose lock cannot be read) needs that PIN,
 * through the same wrong-PIN waits as the window, or an elevated process. Otherwise exit 2.
 */
async function checkAuthority(
  inForce: PolicyInForce,
  options: ParsedOptions,
  io: CliIo,
  deps: CliDeps,
): Promise<Step<void>> {
  if (inForce.pinHash === null && !inForce.desk.problem) return { ok: true, value: undefined };
  const elevated = await (deps.isElevated ?? deps.machine?.isElevated ?? (async () => false))();
  if (elevated) return { ok: true, value: undefined };
  const pinFile = options.values.get("pin-file");
  let given: string | null = null;
  if (options.flags.has("pin-stdin")) given = (await readAll(io.stdin)).trim();
  else if (pinFile) {
    const read = readPinFile(pinFile);
    if (!read.ok) return read;
    given = read.value;
  }
  const refuse = (reason: string, said: Said) => failed(EXIT.usage, invalid("adminPin", reason), said);
  if (given === null) return refuse("required", { key: "pinRequired" });
  if (inForce.pinHash === null) return refuse("no-pin-to-check", { key: "lockUnreadable" });
  // The window's wrong-PIN record, under the same lock: guessing through provisioning is no faster.
  const state = openCounterState(deps.dataDir);
  const gate = createPinGate({
    pinHash: inForce.pinHash,
    dataDir: deps.dataDir,
    now: Date.now,
    state,
    ...(deps.machine ? { attemptsSlot: deps.machine.attemptsSlot } : {}),
  });
  const checked = await gate.check(given).finally(() => state.close());
  if (checked.ok) return { ok: true, value: undefined };
  if (checked.error.kind === "pin-wait")
    return refuse("pin-wait", {
      key: "pinWait",
      values: { seconds: Math.ceil(checked.error.retryAfterMs / 1000) },
    });
  if (checked.error.kind === "counter-state-unavailable")
    return refuse("counter-state-unavailable", {
      key: "stateUnreadable",
      values: { file: COUNTER_STATE_FILE, cause: checked.error.details.cause ?? "" },
    });
  return refuse("wrong-pin", { key: "wrongPin" });
}

const MAX_PIN_FILE_BYTES = 1024;

function readPinFile(path: string): Step<string> {
  try {
    if (statSync(path).size > MAX_PIN_FILE_BYTES)
      return failed(EXIT.usage, invalid("pinFile", "too-large"), { key: "notPinFile", values: { path } });
    return {
      ok: true,
      value: readFileSync(path, "utf8")
        .replace(/^\uFEFF/, "")
        .trim(),
    };
  } catch (error) {
    return failed(EXIT.usage, invalid("pinFile", "unreadable"), {
      key: "pinFileUnreadable",
      values: { path, code: errno(error) },
    });
  }
}

function readPolicyText(path: string): Step<string> {
  try {
    if (statSync(path).size > MAX_POLICY_BYTES)
      return failed(EXIT.usage, invalid("file", "too-large"), { key: "policyTooLarge", values: { path } });
    return { ok: true, value: readFileSync(path, "utf8") };
  } catch (error) {
    return failed(EXIT.usage, invalid("file", "unreadable"), {
      key: "policyUnreadable",
      values: { path, code: errno(error) },
    });
  }
}

/**
 * Reads the key file, then overwrites it with zeros, flushes and deletes it. It is opened once,
 * read-write and without following links, so what is wiped is exactly what was read.
 */
function takeKeyFile(path: string): Step<string> {
  const refuseLink = () =>
    failed(EXIT.usage, invalid("keyFile", "not-a-regular-file"), { key: "keyFileLink", values: { path } });
  // Windows has no O_NOFOLLOW: the name is looked at first, and must still be the file opened below.
  let named: BigIntStats;
  try {
    named = lstatSync(path, { bigint: true });
  } catch (error) {
    const code = errno(error);
    return failed(EXIT.usage, invalid("keyFile", code === "ENOENT" ? "not-found" : "not-readable-and-writable"), {
      key: "keyFileUnusable",
      values: { path, code },
    });
  }
  if (named.isSymbolicLink()) return refuseLink();
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDWR | (constants.O_NOFOLLOW ?? 0));
  } catch (error) {
    const code = errno(error);
    const reason =
      code === "ENOENT"
        ? "not-found"
        : code === "ELOOP" || code === "EISDIR"
          ? "not-a-regular-file"
          : "not-readable-and-writable";
    return failed(EXIT.usage, invalid("keyFile", reason), { key: "keyFileNotRegular", values: { path, code } });
  }
  let key: string;
  try {
    if (!isSameSingleFile(named, fstatSync(fd, { bigint: true }))) return refuseLink();
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.size > MAX_KEY_FILE_BYTES) {
      return failed(EXIT.usage, invalid("keyFile", stat.isFile() ? "too-large" : "not-a-regular-file"), {
        key: "notKeyFile",
        values: { path },
      });
    }
    const bytes = Buffer.alloc(stat.size);
    const read = readSync(fd, bytes, 0, stat.size, 0);
    key = bytes.subarray(0, read).toString("utf8");
    bytes.fill(0);
    writeAll(fd, Buffer.alloc(stat.size), 0);
    fsyncSync(fd);
  } catch (error) {
    return failed(EXIT.failed, internal(error), { key: "keyFileNotOverwritten", values: { path, code: errno(error) } });
  } finally {
    closeSync(fd);
  }
  try {
    unlinkSync(path);
  } catch (error) {
    return failed(EXIT.failed, internal(error), { key: "keyFileNotDeleted", values: { path, code: errno(error) } });
  }
  return { ok: true, value: key };
}

type Identity = Pick<BigIntStats, "dev" | "ino" | "nlink" | "isFile" | "isSymbolicLink">;

/**
 * The file opened is the one the name showed (same device and file id, so no link or swap in
 * between) and it has one name only (a hard link elsewhere would keep the key after the wipe).
 */
export function isSameSingleFile(named: Identity, opened: Identity): boolean {
  return (
    !named.isSymbolicLink() &&
    opened.isFile() &&
    named.dev === opened.dev &&
    named.ino === opened.ino &&
    opened.nlink === 1n
  );
}

function stageAll(dataDir: string, policy: Policy, pinHash: string | null): Step<StagedFile[]> {
  const staged: StagedFile[] = [];
  try {
    const settings = createSettingsFile(dataDir);
    staged.push(stageFile(settings.path, settingsText(overlayPolicy(settings.load(), policy))));
    staged.push(stageFile(counterPath(dataDir), counterText(policy)));
    if (pinHash) staged.push(stageFile(adminPinPath(dataDir), adminPinText(pinHash)));
    return { ok: true, value: staged };
  } catch (error) {
    for (const file of staged) file.discard();
    return failed(EXIT.failed, internal(error), {
      key: "dataUnwritable",
      values: { dir: dataDir, code: errno(error) },
    });
  }
}

function describeDone(done: Provisioned, lang: Lang): string {
  const words: CliMessages = cliWords(lang);
  const m = words.provision;
  const key = { stored: m.keyStored, "in-token": m.keyInToken, kept: m.keyKept, none: m.keyNone }[done.accessKey];
  const pairs: [string, string][] = [
    [m.environment, done.environment],
    [m.kioskMode, done.kioskMode ? m.on : m.off],
    [m.settingsLocked, done.settingsLocked ? m.yes : m.no],
    [m.adminPin, done.adminPin === "set" ? m.pinSet : m.none],
    [m.accessKey, key],
  ];
  if (done.keyFileRemoved) pairs.push([m.keyFile, m.keyFileRemoved]);
  pairs.push([m.lockKeptIn, done.lockKept === "keychain" ? m.lockInKeychain : m.lockInFolder]);
  const lines = [
    fill(m.done, { counter: done.counterName, dir: done.dataDir }),
    ...rows(pairs)
      .split("\n")
      .map((line) => `  ${line}`),
  ];
  if (done.machinePolicyInForce) lines.push(fill(m.machineWins, { origin: done.machinePolicyInForce }));
  return lines.join("\n");
}

/** A refusal in the reader's words; a usage refusal is followed by the command's usage. */
function say(said: Said, lang: Lang): string {
  const words: CliMessages = cliWords(lang);
  const m = words.provision;
  if ("notApplied" in said)
    return fill(m.notApplied, { advice: adviceLine(describeError(said.notApplied, lang, forCli(lang)), lang) });
  const text = "key" in said ? fill(m[said.key], said.values ?? {}) : said.text;
  return said.usage ? `${text}\n${PROVISION_USAGE}\n  ${m.usageNote}` : text;
}

function usage(said: Said): Step<never> {
  return failed(EXIT.usage, invalid("arguments", "usage"), said);
}

/** The key into the token, through a worker of its own for this one command. */
async function intoToken(settings: Settings, key: string, deps: CliDeps): Promise<Result<unknown, RefundDeskError>> {
  const tokenPin = createTokenPin(deps.tokenPinStore ?? NO_PIN_ENTRY);
  const token = pinGuarded(createTokenClient(), tokenPin);
  try {
    return await putKeyInToken(settings, key, { tokenPin, token });
  } finally {
    await token.close();
  }
}

function keychainFailure(error: RefundDeskError): Step<never> {
  return failed(EXIT.failed, error, { notApplied: error });
}

function failed(code: number, error: RefundDeskError, said: Said, problems?: PolicyFieldError[]): Step<never> {
  return { ok: false, failure: { code, error, said, ...(problems ? { problems } : {}) } };
}

function invalid(field: string, reason: string): PolicyFieldError {
  return { kind: "invalid-input", field, reason };
}

function internal(error: unknown): RefundDeskError {
  return { kind: "internal", details: { cause: errno(error) } };
}

/** The error's code (ENOENT, EACCES…), never its message, which can quote paths or contents. */
function errno(error: unknown): string {
  return (error as NodeJS.ErrnoException)?.code ?? "unknown";
}
