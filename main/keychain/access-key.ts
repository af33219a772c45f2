import type { RefundDeskError } from "../../app/errors";
import { ok, type Result } from "../../app/result";
import type { AccessKeyState } from "../../app/settings";
import { boundKeyText, keyFor } from "./bound-key";
import type { KeyStore } from "./key-store";

/**
 * The access key as main holds it: read from the keychain once, then kept in memory while the
 * app runs (see docs/security.md, "What is protected"), so each request does not wait on the keychain. The
 * entry carries the base URL it was stored for (bound-key.ts): a key is only given for that URL.
 */
export interface AccessKey {
  /** The key that may sign for `baseUrl` (null: none for it); null `baseUrl` only reads the keychain. */
  get(baseUrl: string | null): Promise<Result<string | null, RefundDeskError>>;
  set(accessKey: string, baseUrl: string): Promise<Result<void, RefundDeskError>>;
  remove(): Promise<Result<void, RefundDeskError>>;
  state(baseUrl: string | null): Promise<AccessKeyState>;
}

export function createAccessKey(store: KeyStore): AccessKey {
  let cached: string | null = null;
  async function entry(): Promise<Result<string | null, RefundDeskError>> {
    if (cached !== null) return ok(cached);
    const read = await store.get();
    if (read.ok) cached = read.value;
    return read;
  }
  async function set(accessKey: string, baseUrl: string): Promise<Result<void, RefundDeskError>> {
    const text = boundKeyText(accessKey, baseUrl);
    const written = await store.set(text);
    cached = written.ok ? text : null;
    return written;
  }
  async function get(baseUrl: string | null): Promise<Result<string | null, RefundDeskError>> {
    const read = await entry();
    if (!read.ok || read.value === null || baseUrl === null) return read.ok ? ok(null) : read;
    const found = keyFor(read.value, baseUrl);
    if (!found) return ok(null);
    // An older entry, used for one of Eko's own hosts: bound there from now on.
    if (found.rebind) await set(found.accessKey, baseUrl);
    return ok(found.accessKey);
  }
  return {
    get,
    set,
    async remove() {
      cached = null;
      return store.remove();
    },
    async state(baseUrl) {
      const read = await get(baseUrl);
      if (!read.ok) return "unavailable";
      return read.value ? "stored" : "missing";
    },
  };
}
