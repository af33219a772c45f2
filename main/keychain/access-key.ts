import type { RefundDeskError } from "../../app/errors";
import { ok, type Result } from "../../app/result";
import type { AccessKeyState } from "../../app/settings";
import type { KeyStore } from "./key-store";

/**
 * The access key as main holds it: read from the keychain once, then kept in memory while the
 * app runs (see ARCHITECTURE.md, "Secrets"), so each request does not wait on the keychain.
 */
export interface AccessKey {
  get(): Promise<Result<string | null, RefundDeskError>>;
  set(accessKey: string): Promise<Result<void, RefundDeskError>>;
  remove(): Promise<Result<void, RefundDeskError>>;
  state(): Promise<AccessKeyState>;
}

export function createAccessKey(store: KeyStore): AccessKey {
  let cached: string | null = null;
  return {
    async get() {
      if (cached !== null) return ok(cached);
      const read = await store.get();
      if (read.ok) cached = read.value;
      return read;
    },
    async set(accessKey) {
      const written = await store.set(accessKey);
      cached = written.ok ? accessKey : null;
      return written;
    },
    async remove() {
      cached = null;
      return store.remove();
    },
    async state() {
      const read = await this.get();
      if (!read.ok) return "unavailable";
      return read.value ? "stored" : "missing";
    },
  };
}
