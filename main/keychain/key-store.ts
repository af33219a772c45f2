import type { RefundDeskError } from "../../app/errors";
import { err, ok, type Result } from "../../app/result";

/**
 * The one place that knows how the access key is kept: the OS keychain (Keychain on macOS,
 * Credential Manager on Windows, Secret Service on Linux) through keytar. keytar's upstream is
 * archived; swapping in @napi-rs/keyring should only change this file.
 */
export interface KeyStore {
  get(): Promise<Result<string | null, RefundDeskError>>;
  set(accessKey: string): Promise<Result<void, RefundDeskError>>;
  remove(): Promise<Result<void, RefundDeskError>>;
}

export const KEYCHAIN_SERVICE = "Refund Desk";
export const KEYCHAIN_ACCOUNT = "eko-access-key";

/** The part of keytar's API this module uses, so tests can pass a stand-in. */
export interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

/**
 * The access key by default; `account` names another entry of the app's (the counter's lock
 * record, the wrong-PIN count), kept in the keychain so they outlive the data folder.
 */
export function createKeytarKeyStore(
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, synchronously (see below)
  load: () => KeytarLike = () => require("keytar") as KeytarLike,
  service = KEYCHAIN_SERVICE,
  account = KEYCHAIN_ACCOUNT,
): KeyStore {
  let keytar: KeytarLike | null = null;
  // keytar is a native module: loading it lazily keeps a missing or broken keychain library
  // from stopping the app opening; it becomes an error the UI explains.
  const withKeytar = async <T>(use: (k: KeytarLike) => Promise<T>, held = ""): Promise<Result<T, RefundDeskError>> => {
    try {
      keytar ??= load();
      return ok(await use(keytar));
    } catch (error) {
      return err({ kind: "keychain-unavailable", details: { cause: describe(error, held) } });
    }
  };
  return {
    get: () => withKeytar((k) => k.getPassword(service, account)),
    set: (accessKey) => withKeytar((k) => k.setPassword(service, account, accessKey), accessKey),
    remove: async () => {
      const removed = await withKeytar((k) => k.deletePassword(service, account));
      return removed.ok ? ok(undefined) : removed;
    },
  };
}

/**
 * Keychain errors carry the library's words, never the secret: only the message's first line, and
 * the entry being stored cut out first (a library may echo what it was given).
 */
function describe(error: unknown, held: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const words = held === "" ? message : message.split(held).join("…");
  return (words.split("\n")[0] ?? "").slice(0, 200);
}
