/**
 * Loaded with `node --require` in front of electronegativity (security/electronegativity.test.ts).
 * The tool looks up its translations and Electron's release list over the network. The build
 * machines are offline, and got 11 (its HTTP client) crashes on Node 24 when such a lookup times
 * out and is retried ("The `onCancel` handler was attached after the promise settled"). So every
 * lookup is answered "offline" at once: electronegativity treats a failed lookup as no
 * connectivity, says so, and runs its checks as before.
 */
const Module = require("node:module");

const offline = () =>
  Promise.reject(
    Object.assign(new Error("offline: the security check makes no network lookups"), { code: "ENETUNREACH" }),
  );
offline.get = offline;
offline.head = offline;

const load = Module._load;
Module._load = function loadWithoutNetwork(request, ...rest) {
  return request === "got" ? offline : load.call(this, request, ...rest);
};
