/**
 * The signers side by side: the keychain's (HMAC in main) and pkcs11's (SoftHSM2 through the
 * token's worker), first signing alone, then the whole OTP request path with each against the
 * simulator; and an IPC call made while a 200 ms signer works (a stand-in library), against the
 * same call with nothing signing. Targets: the token adds ≤ 1 ms at p50; the slow signer delays
 * the other call by ≤ 5 ms.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { IPC_CHANNELS } from "../app/ipc";
import { keySigner } from "../main/eko/signer";
import { createRefundDesk, type RefundDesk } from "../main/refund-desk";
import { createTokenClient, type TokenClient } from "../main/signer/token-client";
import { putKeyInToken } from "../main/signer/token-key";
import { createTokenPin } from "../main/signer/token-pin";
import { ekoKeyBytes } from "../main/signer/pkcs11-session";
import { startSimulator } from "../main/simulator/simulator";
import { boundKeyText } from "../main/keychain/bound-key";
import { memoryKeyStore } from "../main/test-support/memory-key-store";
import { initToken, ownSoftHsm, softHsmLibrary } from "../main/test-support/softhsm";
import { tempDataDir } from "../main/test-support/temp-dir";
import { TEST_SECRETS } from "../main/test-support/test-secrets";
import { APP_PAGE, TEST_ORIGIN } from "../main/test-support/desk";
import { DEFAULT_SETTINGS } from "../app/settings";
import { percentile, round } from "./stats";

const KEY = TEST_SECRETS.accessKeys.token;
const PIN = TEST_SECRETS.tokenPins.user;
const TOKEN = "bench-token";
const TID = "13192443";
const account = { developerKey: "0123456789abcdef0123456789abcdef", accessKey: KEY, initiatorId: "9876543210" };

const ms = (samples: number[]) => ({ p50: round(percentile(samples, 50)), p99: round(percentile(samples, 99)) });

async function timed(run: () => Promise<{ ok: boolean }>): Promise<number> {
  const started = performance.now();
  const result = await run();
  if (!result.ok) throw new Error("a benchmarked call failed");
  return performance.now() - started;
}

/** A desk on a custom URL (the simulator) whose machine policy chooses the signer. */
function desk(baseUrl: string, signer: "keychain" | "pkcs11", module: string, tokenClient?: TokenClient): RefundDesk {
  const policy = join(tempDataDir("bench-signer-policy"), "policy.json");
  writeFileSync(
    policy,
    JSON.stringify({
      environment: "custom",
      baseUrl,
      developerKey: account.developerKey,
      initiatorId: account.initiatorId,
      counterName: "Bench",
      kioskMode: false,
      settingsLocked: false,
      resendCooldownMs: 0,
      signer,
      ...(signer === "pkcs11" ? { pkcs11Module: module, pkcs11Token: TOKEN } : {}),
    }),
  );
  return createRefundDesk({
    fetch,
    keyStore: memoryKeyStore(boundKeyText(KEY, baseUrl)),
    tokenPinStore: memoryKeyStore(PIN),
    ...(tokenClient ? { tokenClient } : {}),
    dataDir: tempDataDir("bench-signer"),
    appOrigin: TEST_ORIGIN,
    machinePolicyPath: policy,
  });
}

export async function measureSigners(options: { signs: number; requests: number }) {
  const module = softHsmLibrary();
  if (!module) return { skipped: "SoftHSM2 is not installed" } as const;
  ownSoftHsm();
  initToken(TOKEN);
  const simulator = await startSimulator({ accounts: [account], scenarioFor: () => ({ type: "otp-sent" }) });
  const token = createTokenClient();
  // Put in for the simulator's URL, where the desks below send their requests.
  const put = await putKeyInToken(
    {
      ...DEFAULT_SETTINGS,
      environment: "custom",
      customBaseUrl: simulator.baseUrl,
      signer: "pkcs11",
      pkcs11Module: module,
      pkcs11Token: TOKEN,
    },
    KEY,
    { tokenPin: createTokenPin(memoryKeyStore(PIN)), token },
  );
  if (!put.ok) throw new Error(`the key did not go into the token: ${put.error.kind}`);
  const config = { module, token: TOKEN, key: DEFAULT_SETTINGS.pkcs11Key, baseUrl: simulator.baseUrl };
  const keychain = keySigner(KEY);
  const signs = { keychain: [] as number[], pkcs11: [] as number[] };
  for (let i = 0; i < options.signs + 100; i++) {
    const timestampMs = String(1_700_000_000_000 + i);
    const a = await timed(() => keychain.secretKey(timestampMs));
    const b = await timed(() => token.ask({ op: "sign", config, pin: PIN, timestampMs }));
    if (i < 100) continue;
    signs.keychain.push(a);
    signs.pkcs11.push(b);
  }
  await token.close();

  const desks = {
    keychain: desk(simulator.baseUrl, "keychain", module),
    pkcs11: desk(simulator.baseUrl, "pkcs11", module),
  };
  const requests = { keychain: [] as number[], pkcs11: [] as number[] };
  for (let i = 0; i < options.requests + 50; i++) {
    const a = await timed(() => desks.keychain.services.requestRefundOtp({ tid: TID }));
    const b = await timed(() => desks.pkcs11.services.requestRefundOtp({ tid: TID }));
    if (i < 50) continue;
    requests.keychain.push(a);
    requests.pkcs11.push(b);
  }
  await Promise.all([desks.keychain.close(), desks.pkcs11.close()]);

  const slowSigner = await measureSlowSigner(simulator.baseUrl);
  await simulator.close();
  return {
    signMs: { keychain: ms(signs.keychain), pkcs11: ms(signs.pkcs11) },
    tokenAddsAtP50Ms: round(percentile(signs.pkcs11, 50) - percentile(signs.keychain, 50)),
    requestPathMs: { keychain: ms(requests.keychain), pkcs11: ms(requests.pkcs11) },
    slowSigner,
  };
}

/**
 * getDesk through the handler table, as the window makes it, while an OTP request waits on a
 * signer that blocks its thread for 200 ms (the stand-in library in the real worker), against the
 * same call with nothing in flight.
 */
async function measureSlowSigner(baseUrl: string) {
  const tokenClient = createTokenClient({
    workerFile: join(__dirname, "..", "main", "test-support", "stub-pkcs11-worker.ts"),
    workerData: { label: TOKEN, pin: PIN, keyBytes: [...ekoKeyBytes(KEY)], signBlocksMs: 200, boundTo: baseUrl },
  });
  const slow = desk(baseUrl, "pkcs11", "/stand-in/libslow.so", tokenClient);
  const call = () => timed(() => slow.dispatch(IPC_CHANNELS.getDesk, {}, APP_PAGE));
  const idle: number[] = [];
  for (let i = 0; i < 200; i++) {
    idle.push(await call());
    await new Promise((resolve) => setImmediate(resolve));
  }
  const during: number[] = [];
  for (let round = 0; round < 5; round++) {
    let signing = true;
    const request = slow.services.requestRefundOtp({ tid: TID }).finally(() => (signing = false));
    // One call per turn of the event loop, as calls from the window arrive (each its own message).
    while (signing) {
      during.push(await call());
      await new Promise((resolve) => setImmediate(resolve));
    }
    await request;
  }
  await slow.close();
  return {
    idleMs: ms(idle),
    whileSigningMs: ms(during),
    delayAtP50Ms: round(percentile(during, 50) - percentile(idle, 50)),
    delayAtP99Ms: round(percentile(during, 99) - percentile(idle, 99)),
    callsWhileSigning: during.length,
  };
}
