/** The token's worker over the stub library (stub-pkcs11.ts), behaving as workerData says. */
import { parentPort, workerData } from "node:worker_threads";
import { serveToken } from "../signer/token-worker-service";
import { stubPkcs11, type StubBehaviour } from "./stub-pkcs11";

if (parentPort) {
  const counts = { initialized: 0, logins: 0, sessions: 0, signs: 0 };
  serveToken(parentPort, () => stubPkcs11(workerData as StubBehaviour, counts));
}
