import type { RefundDeskError } from "../../app/errors";
import { err, ok, type Result } from "../../app/result";
import type { AccessKeyState } from "../../app/settings";
import type { KeyStore } from "../keychain/key-store";

/** The keychain entry (service "Refund Desk") that holds the token's user PIN. */
export const TOKEN_PIN_ACCOUNT = "pkcs11-token-pin";

/** No keychain entry for the PIN given (tests, a Practice-only machine): none stored, none storable. */
export const NO_PIN_ENTRY: KeyStore = {
  get: async () => ok(null),
  set: async () => err({ kind: "keychain-unavailable", details: { cause: "no-token-pin-entry" } }),
  remove: async () => ok(undefined),
};

/** The token's user PIN, read from the keychain once and kept while the app runs, like the key. */
export interface TokenPin {
  get(): Promise<Result<string | null, RefundDeskError>>;
  set(pin: string): Promise<Result<void, RefundDeskError>>;
  /** The token refused this PIN: it leaves the keychain (unless another was set meanwhile). */
  refused(pin: string): Promise<void>;
  state(): Promise<AccessKeyState>;
}

export function createTokenPin(store: KeyStore): TokenPin {
  let cached: string | null = null;
  return {
    async get() {
      if (cached !== null) return ok(cached);
      const read = await store.get();
      if (read.ok) cached = read.value;
      return read;
    },
    async set(pin) {
      const written = await store.set(pin);
      cached = written.ok ? pin : null;
      return written;
    },
    async refused(pin) {
      const read = await this.get();
      if (!read.ok || read.value !== pin) return;
      cached = null;
      await store.remove();
    },
    async state() {
      const read = await this.get();
      if (!read.ok) return "unavailable";
      return read.value ? "stored" : "missing";
    },
  };
}
