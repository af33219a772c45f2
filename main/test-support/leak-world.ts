/**
 * A counter set up to produce one error, and everything the error reaches: the reply dispatch
 * sends the window, the CLI's text and JSON, the data folder (the journal) and what was printed.
 * main/leak-checks/ seeks the test secrets in all of it.
 */
import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { IPC_CHANNELS, type IpcMethod } from "../../app/ipc";
import { DEFAULT_SETTINGS, EKO_BASE_URLS } from "../../app/settings";
import { hashPin } from "../admin/pin-hash";
import { runCli } from "../cli/cli";
import { defaultExportsDir } from "../history/export-folder";
import { boundKeyText } from "../keychain/bound-key";
import type { KeyStore } from "../keychain/key-store";
import { createRefundDesk } from "../refund-desk";
import { createSettingsFile } from "../settings/settings-file";
import type { TokenClient } from "../signer/token-client";
import type { RefundDeskError } from "../../app/errors";
import { err } from "../../app/result";
import { capturingOutput } from "./capture-output";
import { cliIo } from "./cli-io";
import { APP_PAGE, TEST_ORIGIN } from "./desk";
import { memoryKeyStore } from "./memory-key-store";
import { tempDataDir } from "./temp-dir";
import { TEST_SECRETS } from "./test-secrets";

/** The account the counter calls Eko as; the access key is the registry's. */
export const LEAK_ACCOUNT = {
  developerKey: "becbbce45f79c6f5109f848acd540567",
  initiatorId: "9962981729",
  userCode: "20810200",
};

export interface WorldSetup {
  /** The base URL the counter calls (custom environment); the stub's by default. */
  baseUrl: string;
  /** The keychain: the key stored for `baseUrl` by default. */
  keyStore?: KeyStore;
  /** A machine policy.json: a kiosk with locked settings and the admin PIN, one with no PIN, or junk. */
  policy?: "kiosk" | "kiosk-without-pin" | "junk";
  /** How long a request may take: the shortest the settings allow for a timeout, else ample for a busy machine. */
  timeoutMs?: number;
  /** The wait before the same tid's OTP again: none by default, as the window and the CLI ask in turn. */
  resendCooldownMs?: number;
  /** Done to the data folder before the desk opens (a file where a folder should be). */
  prepare?: (dataDir: string) => void;
  /**
   * Signing in a PKCS#11 token (signer pkcs11, set by a machine policy as only it may), whose
   * client answers every request with this error; the token's PIN is in the keychain.
   */
  tokenFails?: RefundDeskError;
}

/** A token's client that refuses every request with `error`, as the worker would pass it on. */
function failingToken(error: RefundDeskError): TokenClient {
  return {
    ask: async () => err(error),
    close: async () => undefined,
  };
}

/** The machine policy of a counter whose token signs, on the custom URL under test. */
async function writeTokenPolicy(baseUrl: string): Promise<string> {
  const path = join(tempDataDir("leak-policy"), "policy.json");
  writeFileSync(
    path,
    JSON.stringify({
      environment: "custom",
      baseUrl,
      ...LEAK_ACCOUNT,
      counterName: "Leak check counter",
      kioskMode: false,
      settingsLocked: false,
      signer: "pkcs11",
      pkcs11Module: "/usr/lib/softhsm/libsofthsm2.so",
      pkcs11Token: "leak-check-token",
    }),
  );
  chmodSync(path, 0o644);
  return path;
}

/** A machine policy takes no hash cheaper than the app's own (ln 17): made once for every kiosk world. */
let kioskPinHash: Promise<string> | null = null;

export type WindowCall = (method: IpcMethod, payload: unknown) => Promise<unknown>;

export interface Reached {
  /** The reply dispatch gave the window (its `error` is the service's error, as returned). */
  reply: unknown;
  /** This run's answers as a reloaded window reads them back (getSession). */
  session: unknown;
  cliJson: { code: number | string; out: string; err: string } | null;
  cliText: { code: number | string; out: string; err: string } | null;
  /** Every file in the data folder (the journal, settings, held refunds, the PIN's waits) and the exports folder. */
  files: { path: string; bytes: Buffer }[];
  /** stdout, stderr and the console while the window and the CLI ran. */
  output: string;
}

export function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

async function writePolicy(kind: NonNullable<WorldSetup["policy"]>): Promise<string> {
  const path = join(tempDataDir("leak-policy"), "policy.json");
  const kiosk = {
    environment: "uat",
    ...LEAK_ACCOUNT,
    counterName: "Leak check counter",
    kioskMode: true,
    settingsLocked: true,
  };
  const text =
    kind === "junk"
      ? "{ not a policy"
      : JSON.stringify(
          kind === "kiosk"
            ? { ...kiosk, adminPinHash: await (kioskPinHash ??= hashPin(TEST_SECRETS.adminPins.leakCheck)) }
            : kiosk,
        );
  writeFileSync(path, text);
  // Only administrators may write a machine policy; a group- or world-writable one is ignored.
  chmodSync(path, 0o644);
  return path;
}

/**
 * Runs `window` against a fresh desk through dispatch, then the CLI's command (`cli`, with its
 * standard input) in JSON and in text on the same data folder and keychain.
 */
export async function reach(
  setup: WorldSetup,
  window: (call: WindowCall) => Promise<unknown>,
  cli: { args: string[]; stdin?: string } | null,
): Promise<Reached> {
  const dataDir = tempDataDir("leak");
  setup.prepare?.(dataDir);
  const policyPath = setup.tokenFails
    ? await writeTokenPolicy(setup.baseUrl)
    : setup.policy
      ? await writePolicy(setup.policy)
      : null;
  // A policy's counter runs on UAT; the rest on the custom URL under test. The key is stored bound to it.
  const keyUrl = setup.policy ? EKO_BASE_URLS.uat : setup.baseUrl;
  const keyStore = setup.keyStore ?? memoryKeyStore(boundKeyText(TEST_SECRETS.accessKeys.leakCheck, keyUrl));
  if (!setup.policy) {
    createSettingsFile(dataDir).save({
      ...DEFAULT_SETTINGS,
      environment: "custom",
      customBaseUrl: setup.baseUrl,
      ...LEAK_ACCOUNT,
      timeoutMs: setup.timeoutMs ?? 10_000,
      // The window and then the CLI ask for the same tid on one counter: no wait between them.
      resendCooldownMs: setup.resendCooldownMs ?? 0,
    });
  }
  const deps = {
    fetch,
    keyStore,
    dataDir,
    machinePolicyPath: policyPath,
    sleep: async () => undefined,
    ...(setup.tokenFails
      ? { tokenClient: failingToken(setup.tokenFails), tokenPinStore: memoryKeyStore(TEST_SECRETS.tokenPins.user) }
      : {}),
  };
  const runCommand = async (args: string[]) => {
    const io = cliIo(cli?.stdin ?? "");
    const code = await runCli(["refund-desk", ...args], io, deps).catch((error: unknown) =>
      error instanceof Error ? `threw ${error.name}` : "threw",
    );
    return { code, out: io.out(), err: io.err() };
  };

  const { value, output } = await capturingOutput(async () => {
    const desk = createRefundDesk({ ...deps, appOrigin: TEST_ORIGIN });
    const call: WindowCall = (method, payload) => desk.dispatch(IPC_CHANNELS[method], payload, APP_PAGE);
    let reply: unknown;
    let session: unknown;
    try {
      reply = await window(call);
      session = await call("getSession", {});
    } finally {
      await desk.close();
    }
    const cliJson = cli ? await runCommand([...cli.args, "--json"]) : null;
    const cliText = cli ? await runCommand(cli.args) : null;
    return { reply, session, cliJson, cliText };
  });
  const exports = defaultExportsDir(dataDir);
  const files = [
    ...filesUnder(dataDir),
    ...(existsSync(exports) && statSync(exports).isDirectory() ? filesUnder(exports) : []),
  ].map((path) => ({
    path,
    bytes: readFileSync(path),
  }));
  return { ...value, files, output };
}
