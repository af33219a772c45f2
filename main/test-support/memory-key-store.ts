import { err, ok } from "../../app/result";
import type { KeyStore } from "../keychain/key-store";

/** A keychain stand-in for tests that are not about the keychain; `broken` plays a locked one. */
export function memoryKeyStore(initial: string | null = null, broken = false): KeyStore & { value: string | null } {
  const unavailable = () => err({ kind: "keychain-unavailable" as const, details: { cause: "locked" } });
  const store = {
    value: initial,
    get: async () => (broken ? unavailable() : ok(store.value)),
    set: async (key: string) => {
      if (broken) return unavailable();
      store.value = key;
      return ok(undefined);
    },
    remove: async () => {
      if (broken) return unavailable();
      store.value = null;
      return ok(undefined);
    },
  };
  return store;
}
