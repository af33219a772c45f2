// The test host's stand-in for main/preload.ts: `window.refundDesk` with one method per entry of
// the IPC contract (the host embeds app/ipc.ts's channel table below when it serves this file),
// each sending its single request argument to the host, which dispatches it like ipcMain would.
// In the browser demo (`npm run demo`) the host sets `demo`, and the desk view says so: the
// window then shows that it is a demo.
"use strict";
(function (channels, demo) {
  function invoker(channel) {
    return async function (request) {
      const response = await fetch("/__ipc", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ channel: channel, payload: request }),
        // The app's pages are served with Referrer-Policy: no-referrer; this request still names
        // its page, because the host passes the Referer to dispatch as the sender's URL.
        referrerPolicy: "same-origin",
      });
      return response.json();
    };
  }
  const api = {};
  for (const method of Object.keys(channels)) api[method] = invoker(channels[method]);
  // The methods that answer with the desk view.
  const deskMethods = demo ? ["getDesk", "unlockSettings", "lockSettings"] : [];
  for (const method of deskMethods) {
    const send = api[method];
    api[method] = async function (request) {
      const reply = await send(request);
      return reply.ok ? { ok: true, value: Object.assign({}, reply.value, { demo: true }) } : reply;
    };
  }
  // contextBridge hands the page a copy it cannot change; a frozen object is the nearest match.
  Object.defineProperty(window, "refundDesk", { value: Object.freeze(api), enumerable: true });
})(__IPC_CHANNELS__, __DEMO__);
