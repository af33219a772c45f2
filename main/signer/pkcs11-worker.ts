/**
 * The worker thread that owns the PKCS#11 library (token-client.ts starts it): pkcs11js's calls
 * block, so they run here and main's event loop stays free. pkcs11js is loaded only here, and only
 * once a request comes, so a counter on the keychain signer never loads the native module.
 */
import { parentPort } from "node:worker_threads";
import type { Pkcs11Library } from "./pkcs11-session";
import { serveToken } from "./token-worker-service";

interface Pkcs11Js {
  PKCS11: new () => Pkcs11Library;
}

if (parentPort)
  serveToken(parentPort, () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the native module, loaded on first use
    const pkcs11js = require("pkcs11js") as Pkcs11Js;
    return new pkcs11js.PKCS11();
  });
