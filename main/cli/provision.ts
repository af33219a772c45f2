/**
 * `refund-desk provision --file <policy.json> [--key-stdin | --key-file <path>] [--json]`: applies
 * an admin's policy to this account's data folder and keychain in one step, for deployment scripts.
 *
 * Order matters: the whole policy is checked before anything is touched (a bad one changes
 * nothing, the key file included); a key file, once read, is overwritten and deleted whatever
 * happens next, because a key left on disk is the one outcome provisioning must never have; the
 * files are staged before the keychain is written and put in place only after it succeeded.
 */
import { closeSync, constants, fstatSync, fsyncSync, openSync, readFileSync, readSync, rmSync, statSync, unlinkSync } from "node:fs";
import { join } from "node:path";
import { accessKeyFrom } from "../../app/access-key";
import type { RefundDeskError } from "../../app/errors";
import { describeError } from "../../app/messages/describe-error";
import type { Policy, PolicyFieldError } from "../../app/policy";
import { adminPinPath, adminPinText } from "../admin/admin-pin-file";
import { hashPin } from "../admin/pin-hash";
import { PIN_ATTEMPTS_FILE } from "../admin/pin-gate";
import { stageFile, writeAll, type StagedFile } from "../fs/durable-file";
import { counterPath, counterText } from "../policy/counter-file";
import { loadMachinePolicy } from "../policy/machine-policy";
import { MAX_POLICY_BYTES, overlayPolicy, parsePolicyJson } from "../policy/policy";
import { createSettingsFile, settingsText } from "../settings/settings-file";
import { parseOptions, readAll, type CliDeps, type CliIo } from "./cli-common";
import { EXIT } from "./exit-codes";

export const PROVISION_USAGE = "usage: refund-desk provision --file <policy.json> [--key-stdin | --key-file <path>] [--json]";

/** An access key is a short token; anything bigger in a key file is the wrong file. */
const MAX_KEY_FILE_BYTES = 4096;

interface Failure {
  code: number;
  error: RefundDeskError;
  message: string;
  problems?: PolicyFieldError[];
}

type Step<T> = { ok: true; value: T } | { ok: false; failure: Failure };

export async function provision(args: string[], json: boolean, io: CliIo, deps: CliDeps): Promise<number> {
  const done = await run(args, io, deps);
  if (done.ok) {
    io.stdout.write(json ? `${JSON.stringify({ ok: true, value: done.value })}\n` : `${describeDone(done.value)}\n`);
    return EXIT.ok;
  }
  const { code, error, message, problems } = done.failure;
  if (json) io.stdout.write(`${JSON.stringify({ ok: false, error: { ...error, message, ...(problems ? { problems } : {}) } })}\n`);
  else io.stderr.write(`refund-desk provision: ${message}\n${(problems ?? []).map((p) => `  ${p.field}: ${p.reason}\n`).join("")}`);
  return code;
}

interface Provisioned {
  dataDir: string;
  counterName: string;
  environment: Policy["environment"];
  kioskMode: boolean;
  settingsLocked: boolean;
  adminPin: "set" | "none";
  /** stored: the given key is in the keychain; kept: none given, the stored one stays; none: neither. */
  accessKey: "stored" | "kept" | "none";
  keyFileRemoved: boolean;
  /** A valid machine-wide policy wins over what was just provisioned: IT should know. */
  machinePolicyInForce: string | null;
}

async function run(args: string[], io: CliIo, deps: CliDeps): Promise<Step<Provisioned>> {
  const options = parseOptions(args, { flags: ["key-stdin"], values: ["file", "key-file"] });
  if (typeof options === "string") return usage(options);
  const policyFile = options.values.get("file");
  const keyFile = options.values.get("key-file");
  if (!policyFile) return usage("--file <policy.json> is required");
  if (keyFile && options.flags.has("key-stdin")) return usage("give the access key one way: --key-stdin or --key-file");

  const text = readPolicyText(policyFile);
  if (!text.ok) return text;
  const parsed = parsePolicyJson(text.value, "provision");
  if (!parsed.ok) {
    const [first] = parsed.error;
    return failed(EXIT.usage, first ?? invalid("file", "not-valid"), "the policy file is not valid; nothing was changed", parsed.error);
  }
  const { policy, pin } = parsed.value;

  let key: string | null = null;
  if (keyFile) {
    const read = takeKeyFile(keyFile);
    if (!read.ok) return read;
    key = read.value;
  } else if (options.flags.has("key-stdin")) key = await readAll(io.stdin);
  if (key !== null) {
    const checked = accessKeyFrom(key);
    if (!checked.ok) {
      const why = checked.error.kind === "invalid-input" && checked.error.reason === "too-long" ? "too long to be an Eko access key" : "empty";
      return failed(EXIT.usage, checked.error, `the access key is ${why}; nothing was changed`);
    }
    key = checked.value;
  } else if (policy.environment !== "practice") {
    const stored = await deps.keyStore.get();
    if (!stored.ok) return keychainFailure(stored.error);
    if (!stored.value) {
      return failed(EXIT.usage, { kind: "not-configured", missing: ["accessKey"] }, `no access key is stored for ${policy.environment} and none was given: add --key-stdin or --key-file; nothing was changed`);
    }
  }

  const pinHash = pin === null ? null : "clear" in pin ? await hashPin(pin.clear) : pin.hash;
  const staged = stageAll(deps.dataDir, policy, pinHash);
  if (!staged.ok) return staged;

  if (key !== null) {
    const stored = await deps.keyStore.set(key);
    if (!stored.ok) {
      for (const file of staged.value) file.discard();
      return keychainFailure(stored.error);
    }
  }

  try {
    for (const file of staged.value) file.commit();
    if (pinHash === null) rmSync(adminPinPath(deps.dataDir), { force: true });
    // A new policy starts with no wrong-PIN waits.
    rmSync(join(deps.dataDir, PIN_ATTEMPTS_FILE), { force: true });
  } catch (error) {
    return failed(EXIT.failed, internal(error), `the data folder ${deps.dataDir} could not be updated (${errno(error)}); run provisioning again`);
  }

  let storedKey: Provisioned["accessKey"] = "stored";
  if (key === null) {
    const stored = await deps.keyStore.get();
    storedKey = stored.ok && stored.value ? "kept" : "none";
  }
  const machine = loadMachinePolicy(deps.machinePolicyPath ?? null);
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
      machinePolicyInForce: machine.state === "applied" ? machine.path : null,
    },
  };
}

function readPolicyText(path: string): Step<string> {
  try {
    if (statSync(path).size > MAX_POLICY_BYTES) return failed(EXIT.usage, invalid("file", "too-large"), `the policy file ${path} is too large to be a policy; nothing was changed`);
    return { ok: true, value: readFileSync(path, "utf8") };
  } catch (error) {
    return failed(EXIT.usage, invalid("file", "unreadable"), `the policy file ${path} cannot be read (${errno(error)}); nothing was changed`);
  }
}

/**
 * Reads the key file, then overwrites it with zeros, flushes and deletes it. It is opened once,
 * read-write and without following links, so what is wiped is exactly what was read.
 */
function takeKeyFile(path: string): Step<string> {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDWR | (constants.O_NOFOLLOW ?? 0));
  } catch (error) {
    const code = errno(error);
    const reason = code === "ENOENT" ? "not-found" : code === "ELOOP" || code === "EISDIR" ? "not-a-regular-file" : "not-readable-and-writable";
    return failed(EXIT.usage, invalid("keyFile", reason), `the key file ${path} cannot be used (${code}): it must be a regular file this account can read and overwrite; nothing was changed`);
  }
  let key: string;
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.size > MAX_KEY_FILE_BYTES) {
      return failed(EXIT.usage, invalid("keyFile", stat.isFile() ? "too-large" : "not-a-regular-file"), `${path} is not an access key file; it was left as it is and nothing was changed`);
    }
    const bytes = Buffer.alloc(stat.size);
    const read = readSync(fd, bytes, 0, stat.size, 0);
    key = bytes.subarray(0, read).toString("utf8");
    bytes.fill(0);
    writeAll(fd, Buffer.alloc(stat.size), 0);
    fsyncSync(fd);
  } catch (error) {
    return failed(EXIT.failed, internal(error), `the key file ${path} could not be overwritten (${errno(error)}): delete it by hand; the key was not stored and nothing was changed`);
  } finally {
    closeSync(fd);
  }
  try {
    unlinkSync(path);
  } catch (error) {
    return failed(EXIT.failed, internal(error), `the key file ${path} was overwritten with zeros but could not be deleted (${errno(error)}): delete it by hand; nothing was changed`);
  }
  return { ok: true, value: key };
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
    return failed(EXIT.failed, internal(error), `the data folder ${dataDir} cannot be written (${errno(error)}); nothing was changed`);
  }
}

function describeDone(done: Provisioned): string {
  const lines = [
    `Provisioned counter "${done.counterName}" (data folder ${done.dataDir})`,
    `  environment:     ${done.environment}`,
    `  kiosk mode:      ${done.kioskMode ? "on" : "off"}`,
    `  settings locked: ${done.settingsLocked ? "yes" : "no"}`,
    `  admin PIN:       ${done.adminPin === "set" ? "set (kept as a salted scrypt hash)" : "none"}`,
    `  access key:      ${{ stored: "stored in the system keychain", kept: "unchanged (one is stored in the system keychain)", none: "none (not needed in Practice)" }[done.accessKey]}`,
  ];
  if (done.keyFileRemoved) lines.push("  key file:        overwritten and deleted");
  if (done.machinePolicyInForce) lines.push(`Note: the machine-wide policy ${done.machinePolicyInForce} is in force and wins over this.`);
  return lines.join("\n");
}

function usage(message: string): Step<never> {
  return failed(EXIT.usage, invalid("arguments", "usage"), `${message}\n${PROVISION_USAGE}`);
}

function keychainFailure(error: RefundDeskError): Step<never> {
  const { title, action } = describeError(error, "en");
  return failed(EXIT.failed, error, `${title} ${action} (The policy was not applied.)`);
}

function failed(code: number, error: RefundDeskError, message: string, problems?: PolicyFieldError[]): Step<never> {
  return { ok: false, failure: { code, error, message, ...(problems ? { problems } : {}) } };
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
