/**
 * The Electron shell without the Electron binary: the pure policies directly, and the files that
 * import `electron` bundled with esbuild and run against a recording stand-in for the module.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { isAbsolute, join } from "node:path";
import { build } from "esbuild";
import { IPC_CHANNELS, IPC_METHODS } from "../../app/ipc";
import { isAllowedRendererRequest, isAppPageUrl } from "../window-policy/navigation-guard";
import { isPermissionGranted } from "../window-policy/permission-policy";
import {
  APP_ENTRY_URL,
  CONTENT_SECURITY_POLICY,
  resolveAppFile,
  serveAppRequest,
} from "../window-policy/protocol-paths";

/** An Electron callback as the fakes record it: the test calls it with what Electron would pass. */
type Callback = (...args: any[]) => unknown;

const ROOT = join(tmpdir(), "renderer-root");

// --- protocol paths ---------------------------------------------------------------------------

test("app:// URLs map to files under the renderer folder with their content types", () => {
  assert.deepEqual(resolveAppFile(ROOT, "app://refund-desk/index.html"), {
    path: join(ROOT, "index.html"),
    contentType: "text/html; charset=utf-8",
  });
  assert.deepEqual(resolveAppFile(ROOT, "app://refund-desk/"), resolveAppFile(ROOT, "app://refund-desk/index.html"));
  assert.deepEqual(resolveAppFile(ROOT, "app://refund-desk/app.js?v=1#top"), {
    path: join(ROOT, "app.js"),
    contentType: "text/javascript; charset=utf-8",
  });
  assert.equal(resolveAppFile(ROOT, "app://refund-desk/styles.css")?.contentType, "text/css; charset=utf-8");
  assert.equal(resolveAppFile(ROOT, "app://refund-desk/icons/logo.svg")?.path, join(ROOT, "icons", "logo.svg"));
  assert.equal(resolveAppFile(ROOT, "app://refund-desk/fonts/ui.woff2")?.contentType, "font/woff2");
});

test("dot segments, literal or percent-encoded, are collapsed by the URL parser and stay inside the root", () => {
  for (const url of [
    "app://refund-desk/../secret.js",
    "app://refund-desk/%2e%2e/secret.js",
    "app://refund-desk/a/%2E%2E/%2e%2e/secret.js",
  ]) {
    assert.equal(resolveAppFile(ROOT, url)?.path, join(ROOT, "secret.js"), url);
  }
});

test("encoded separators, absolute paths, other origins and unknown file types are refused", () => {
  const refused = [
    "app://refund-desk/%2E%2E%2Fsecret.js",
    "app://refund-desk/%2e%2e%2f%2e%2e%2fsecret.js",
    "app://refund-desk/..%2fsecret.js",
    "app://refund-desk/..%5csecret.js",
    "app://refund-desk/a/%2e%2e%5c%2e%2e%5csecret.js",
    "app://refund-desk/%2fetc%2fpasswd.js",
    "app://refund-desk//etc/passwd.js",
    "app://refund-desk/C:%5cWindows%5cwin.ini.js",
    "app://refund-desk/C%3A/secret.js",
    "app://refund-desk/index.html%00.js",
    "app://refund-desk/.env.js",
    "app://refund-desk/assets/",
    "app://refund-desk/%E0%A4%A.js",
    "app://refund-desk/app.js.map",
    "app://refund-desk/package.json.bak",
    "app://evil/index.html",
    "app://refund-desk.evil/index.html",
    "https://refund-desk/index.html",
    "file:///etc/passwd",
    "not a url",
  ];
  for (const url of refused) assert.equal(resolveAppFile(ROOT, url), null, url);
});

test("the CSP names no remote source, no inline code and no eval", () => {
  assert.match(CONTENT_SECURITY_POLICY, /(^|; )default-src 'self'(;|$)/);
  assert.match(CONTENT_SECURITY_POLICY, /(^|; )script-src 'self'(;|$)/);
  assert.match(CONTENT_SECURITY_POLICY, /(^|; )connect-src 'self'(;|$)/);
  assert.match(CONTENT_SECURITY_POLICY, /(^|; )object-src 'none'(;|$)/);
  assert.match(CONTENT_SECURITY_POLICY, /(^|; )frame-ancestors 'none'(;|$)/);
  assert.match(CONTENT_SECURITY_POLICY, /(^|; )frame-src 'none'(;|$)/);
  assert.match(CONTENT_SECURITY_POLICY, /(^|; )worker-src 'none'(;|$)/);
  assert.match(CONTENT_SECURITY_POLICY, /(^|; )require-trusted-types-for 'script'(;|$)/);
  assert.doesNotMatch(CONTENT_SECURITY_POLICY, /https?:|wss?:|\*|unsafe-|blob:/);
  for (const directive of CONTENT_SECURITY_POLICY.split("; ")) {
    const [name, ...sources] = directive.split(" ");
    for (const source of sources) {
      const allowed =
        source === "'self'" ||
        source === "'none'" ||
        (name === "img-src" && source === "data:") ||
        (name === "require-trusted-types-for" && source === "'script'");
      assert.ok(allowed, `${name} allows ${source}`);
    }
  }
});

function rendererFixture(): string {
  const base = mkdtempSync(join(tmpdir(), "app-protocol-"));
  const root = join(base, "renderer");
  mkdirSync(root);
  writeFileSync(join(root, "index.html"), "<!doctype html><title>Refund Desk</title>");
  writeFileSync(join(root, "app.js"), "console.log('app')");
  writeFileSync(join(base, "secret.js"), "SECRET-OUTSIDE-ROOT");
  return root;
}

test("serving: files with CSP and content type; errors carry the CSP too", async () => {
  const root = rendererFixture();

  const page = await serveAppRequest(root, new Request(APP_ENTRY_URL));
  assert.equal(page.status, 200);
  assert.equal(page.headers.get("content-type"), "text/html; charset=utf-8");
  assert.equal(page.headers.get("content-security-policy"), CONTENT_SECURITY_POLICY);
  assert.equal(page.headers.get("x-content-type-options"), "nosniff");
  assert.equal(await page.text(), "<!doctype html><title>Refund Desk</title>");

  const script = await serveAppRequest(root, new Request("app://refund-desk/app.js"));
  assert.equal(script.headers.get("content-type"), "text/javascript; charset=utf-8");

  const head = await serveAppRequest(root, new Request("app://refund-desk/app.js", { method: "HEAD" }));
  assert.equal(head.status, 200);
  assert.equal(await head.text(), "");

  for (const url of [
    "app://refund-desk/%2e%2e/secret.js",
    "app://refund-desk/..%2fsecret.js",
    "app://refund-desk/missing.js",
  ]) {
    const response = await serveAppRequest(root, new Request(url));
    assert.equal(response.status, 404, url);
    assert.equal(response.headers.get("content-security-policy"), CONTENT_SECURITY_POLICY);
    assert.doesNotMatch(await response.text(), /SECRET-OUTSIDE-ROOT/);
  }

  const post = await serveAppRequest(root, new Request(APP_ENTRY_URL, { method: "POST", body: "x" }));
  assert.equal(post.status, 405);
  assert.equal(post.headers.get("content-security-policy"), CONTENT_SECURITY_POLICY);
});

// --- navigation, requests, permissions --------------------------------------------------------

test("the window may only (re)load the app's own page", () => {
  for (const url of [
    APP_ENTRY_URL,
    "app://refund-desk/",
    "app://refund-desk/index.html#settings",
    "app://refund-desk/index.html?x=1",
  ]) {
    assert.ok(isAppPageUrl(url), url);
  }
  for (const url of [
    "https://staging.eko.in/ekoapi/v3",
    "http://127.0.0.1:8080/index.html",
    "app://refund-desk/other.html",
    "app://evil/index.html",
    "file:///C:/app/dist/renderer/index.html",
    "javascript:alert(1)",
    "about:blank",
    "",
  ]) {
    assert.equal(isAppPageUrl(url), false, url);
  }
});

test("the renderer's session lets through only requests that stay on the machine", () => {
  for (const url of [
    "app://refund-desk/app.js",
    "devtools://devtools/bundled/devtools_app.html",
    "data:image/png;base64,iVBORw0KGgo=",
  ]) {
    assert.ok(isAllowedRendererRequest(url), url);
  }
  for (const url of [
    "https://staging.eko.in/ekoapi/v3/customer/payment/refund/123/otp",
    "http://127.0.0.1:4000/",
    "https://fonts.googleapis.com/css2",
    "wss://example.com/socket",
    "file:///etc/passwd",
    "app://evil/x.js",
    "chrome-extension://abc/x.js",
    "ftp://example.com/",
    "not a url",
  ]) {
    assert.equal(isAllowedRendererRequest(url), false, url);
  }
});

test("permissions: only a sanitized clipboard write from the app's top-level page", () => {
  assert.ok(isPermissionGranted("clipboard-sanitized-write", APP_ENTRY_URL, true));
  assert.ok(isPermissionGranted("clipboard-sanitized-write", "app://refund-desk", true));
  assert.equal(isPermissionGranted("clipboard-sanitized-write", APP_ENTRY_URL, false), false);
  assert.equal(isPermissionGranted("clipboard-sanitized-write", "https://evil.example/", true), false);
  assert.equal(isPermissionGranted("clipboard-sanitized-write", undefined, true), false);
  for (const permission of [
    "media",
    "geolocation",
    "notifications",
    "openExternal",
    "clipboard-read",
    "fullscreen",
    "hid",
    "unknown",
  ]) {
    assert.equal(isPermissionGranted(permission, APP_ENTRY_URL, true), false, permission);
  }
});

// --- the files that import electron, against a stand-in ---------------------------------------

/** Bundles `entry` (electron left external) and runs it with `electron` resolved to `fake`. */
async function loadWithFakeElectron(
  entry: string,
  fake: object,
  dirname = "/opt/refund-desk/dist/main",
): Promise<Record<string, unknown>> {
  const result = await build({
    entryPoints: [join(__dirname, entry)],
    bundle: true,
    write: false,
    platform: "node",
    format: "cjs",
    external: ["electron"],
    logLevel: "silent",
  });
  const code = result.outputFiles[0]?.text ?? "";
  const module = { exports: {} as Record<string, unknown> };
  const fakeRequire = (id: string): unknown => {
    if (id === "electron") return fake;
    if (id.startsWith("node:")) return process.getBuiltinModule(id);
    throw new Error(`unexpected require of ${id}`);
  };
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- runs the bundle with a fake electron, the point
  new Function("require", "module", "exports", "__dirname", code)(fakeRequire, module, module.exports, dirname);
  return module.exports;
}

test("preload exposes exactly the contract's methods, each invoking its own channel with one argument", async () => {
  const exposed = new Map<string, unknown>();
  const invoked: unknown[][] = [];
  await loadWithFakeElectron("../preload.ts", {
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
    ipcRenderer: {
      invoke: (...args: unknown[]) => {
        invoked.push(args);
        return Promise.resolve({ ok: true, value: null });
      },
    },
  });

  assert.deepEqual([...exposed.keys()], ["refundDesk"]);
  const api = exposed.get("refundDesk") as Record<string, (request: unknown) => Promise<unknown>>;
  assert.deepEqual(Object.keys(api).sort(), [...IPC_METHODS].sort());
  for (const method of IPC_METHODS) {
    invoked.length = 0;
    await (api[method] as (request: unknown, extra?: unknown) => Promise<unknown>)({ tid: "123" }, "ignored");
    assert.deepEqual(invoked, [[IPC_CHANNELS[method], { tid: "123" }]], method);
  }
});

test("IPC registration: one handler per channel, forwarding the sender's frame to dispatch", async () => {
  type Handler = (event: unknown, payload: unknown) => unknown;
  const handlers = new Map<string, Handler>();
  const { registerIpc } = await loadWithFakeElectron("./ipc-registration.ts", {
    ipcMain: { handle: (channel: string, handler: Handler) => handlers.set(channel, handler) },
  });
  const calls: unknown[][] = [];
  const desk = {
    dispatch: (...args: unknown[]) => (calls.push(args), Promise.resolve({ ok: true, value: 1 })),
    close: async () => {},
  };
  (registerIpc as (d: unknown) => void)(desk);

  assert.deepEqual([...handlers.keys()].sort(), Object.values(IPC_CHANNELS).sort());

  const mainFrame = { url: APP_ENTRY_URL };
  const subFrame = { url: "app://refund-desk/index.html" };
  const channel = IPC_CHANNELS.requestRefundOtp;
  const handler = handlers.get(channel) as Handler;
  assert.deepEqual(await handler({ senderFrame: mainFrame, sender: { mainFrame } }, { tid: "42" }), {
    ok: true,
    value: 1,
  });
  await handler({ senderFrame: subFrame, sender: { mainFrame } }, { tid: "42" });
  await handler({ senderFrame: null, sender: { mainFrame } }, { tid: "42" });
  assert.deepEqual(calls, [
    [channel, { tid: "42" }, { url: APP_ENTRY_URL, isMainFrame: true }],
    [channel, { tid: "42" }, { url: "app://refund-desk/index.html", isMainFrame: false }],
    [channel, { tid: "42" }, { url: "", isMainFrame: false }],
  ]);
});

test("the renderer session denies permissions and cancels network requests", async () => {
  const recorded: Record<string, Callback> = {};
  const spellchecker: boolean[] = [];
  const session = {
    setPermissionRequestHandler: (h: Callback) => (recorded.request = h),
    setPermissionCheckHandler: (h: Callback) => (recorded.check = h),
    setDevicePermissionHandler: (h: Callback) => (recorded.device = h),
    setSpellCheckerEnabled: (on: boolean) => spellchecker.push(on),
    webRequest: { onBeforeRequest: (h: Callback) => (recorded.beforeRequest = h) },
    on: (event: string, h: Callback) => (recorded[event] = h),
  };
  const { lockDownRendererSession } = await loadWithFakeElectron("./session-policy.ts", {});
  (lockDownRendererSession as (s: unknown) => void)(session);

  const decide = (url: string) => {
    let answer: unknown;
    recorded.beforeRequest?.({ url }, (response: unknown) => (answer = response));
    return answer;
  };
  assert.deepEqual(decide("https://staging.eko.in/ekoapi/v3"), { cancel: true });
  assert.deepEqual(decide("http://127.0.0.1:9/"), { cancel: true });
  assert.deepEqual(decide("app://refund-desk/app.js"), { cancel: false });

  const requested = (permission: string, requestingUrl: string) => {
    let granted: unknown;
    recorded.request?.({}, permission, (g: boolean) => (granted = g), { requestingUrl, isMainFrame: true });
    return granted;
  };
  assert.equal(requested("media", APP_ENTRY_URL), false);
  assert.equal(requested("clipboard-sanitized-write", APP_ENTRY_URL), true);
  assert.equal(recorded.check?.({}, "geolocation", "app://refund-desk", { isMainFrame: true }), false);
  assert.equal(recorded.check?.({}, "clipboard-sanitized-write", "app://refund-desk", { isMainFrame: true }), true);
  assert.equal(recorded.device?.({ deviceType: "usb" }), false);

  let prevented = false;
  recorded["will-download"]?.({ preventDefault: () => (prevented = true) });
  assert.ok(prevented, "downloads are cancelled");
  assert.deepEqual(spellchecker, [false]);
});

test("the window is sandboxed and isolated and loads app:// (navigation, windows and webviews: the web-contents guard)", async () => {
  const windows: { options: any; loaded: string[]; events: Record<string, Callback>; openHandler?: Callback }[] = [];
  class FakeBrowserWindow {
    webContents: { on: Callback; setWindowOpenHandler: Callback };
    constructor(options: unknown) {
      const record = {
        options,
        loaded: [] as string[],
        events: {} as Record<string, Callback>,
        openHandler: undefined as Callback | undefined,
      };
      windows.push(record);
      this.webContents = {
        on: (event: string, h: Callback) => (record.events[event] = h),
        setWindowOpenHandler: (h: Callback) => (record.openHandler = h),
      };
      this.loadURL = (url: string) => (record.loaded.push(url), Promise.resolve());
    }
    loadURL: (url: string) => Promise<void>;
    once() {}
    show() {}
  }
  const session = { name: "ui" };
  const { createMainWindow } = await loadWithFakeElectron("./window.ts", {
    app: { isPackaged: true },
    BrowserWindow: FakeBrowserWindow,
    Menu: {},
  });
  (createMainWindow as (s: unknown) => unknown)(session);

  const [win] = windows;
  assert.ok(win);
  const prefs = win.options.webPreferences;
  assert.equal(prefs.session, session);
  assert.equal(prefs.contextIsolation, true);
  assert.equal(prefs.sandbox, true);
  assert.equal(prefs.nodeIntegration, false);
  assert.equal(prefs.webSecurity, true);
  assert.equal(prefs.webviewTag, false);
  assert.equal(prefs.devTools, false, "no DevTools in a packaged build");
  assert.ok(isAbsolute(prefs.preload));
  assert.equal(prefs.preload, join("/opt/refund-desk/dist/main", "preload.js"));
  assert.ok(win.options.minWidth >= 1024 && win.options.minHeight >= 700);
  assert.equal(win.options.show, false);
  assert.deepEqual(win.loaded, [APP_ENTRY_URL]);
});

test("a kiosk window: kiosk options, reload and DevTools keys swallowed, close refused until the app quits", async () => {
  const windowEvents: Record<string, Callback> = {};
  const contentsEvents: Record<string, Callback> = {};
  const appEvents: Record<string, Callback> = {};
  const created: any[] = [];
  class FakeBrowserWindow {
    webContents = { on: (event: string, h: Callback) => (contentsEvents[event] = h), setWindowOpenHandler: () => {} };
    constructor(options: unknown) {
      created.push(options);
    }
    on(event: string, h: Callback) {
      windowEvents[event] = h;
    }
    loadURL() {
      return Promise.resolve();
    }
    once() {}
  }
  const { createMainWindow } = await loadWithFakeElectron("./window.ts", {
    app: { isPackaged: false, on: (event: string, h: Callback) => (appEvents[event] = h) },
    BrowserWindow: FakeBrowserWindow,
    Menu: {},
  });
  (createMainWindow as (s: unknown, kiosk: boolean) => unknown)({ name: "ui" }, true);

  const [options] = created;
  assert.equal(options.kiosk, true);
  assert.equal(options.fullscreen, true);
  assert.equal(options.closable, false);
  assert.equal(options.webPreferences.devTools, false, "no DevTools in a kiosk, even in a development build");
  assert.equal(options.webPreferences.sandbox, true);

  const keyPrevented = (input: object) => {
    let prevented = false;
    contentsEvents["before-input-event"]?.(
      { preventDefault: () => (prevented = true) },
      { control: false, meta: false, alt: false, shift: false, ...input },
    );
    return prevented;
  };
  assert.equal(keyPrevented({ key: "r", control: true }), true);
  assert.equal(keyPrevented({ key: "F4", alt: true }), true);
  assert.equal(keyPrevented({ key: "7" }), false);

  const closePrevented = () => {
    let prevented = false;
    windowEvents.close?.({ preventDefault: () => (prevented = true) });
    return prevented;
  };
  assert.equal(closePrevented(), true, "Alt+F4 or the close button do not close a kiosk");
  appEvents["before-quit"]?.();
  assert.equal(closePrevented(), false, "quitting the app (admin exit, shutdown, logoff) closes it");
  assert.ok(windowEvents["session-end"], "Windows logoff and shutdown are let through");
});

test("one guard for every web contents: no navigation away, no frame navigation, no windows, no webviews, no UDP past a proxy", async () => {
  const { guardEveryWebContents } = await loadWithFakeElectron("./web-contents-guard.ts", {});
  let created: ((event: unknown, contents: unknown) => void) | null = null;
  (guardEveryWebContents as (app: unknown) => void)({
    on: (name: string, listener: typeof created) => name === "web-contents-created" && (created = listener),
  });
  assert.ok(created, "listens for every web contents");
  const handlers = new Map<string, (event: unknown) => void>();
  let openHandler: (() => unknown) | null = null;
  const policies: string[] = [];
  const contents = {
    on: (name: string, handler: (event: unknown) => void) => handlers.set(name, handler),
    setWindowOpenHandler: (handler: () => unknown) => (openHandler = handler),
    setWebRTCIPHandlingPolicy: (policy: string) => policies.push(policy),
  };
  (created as unknown as (event: unknown, contents: unknown) => void)({}, contents);
  const prevented = (name: string, event: Record<string, unknown>) => {
    let stopped = false;
    handlers.get(name)?.({ ...event, preventDefault: () => (stopped = true) });
    return stopped;
  };
  assert.equal(prevented("will-navigate", { url: "https://evil.example/" }), true);
  assert.equal(prevented("will-navigate", { url: "file:///etc/passwd" }), true);
  assert.equal(prevented("will-navigate", { url: APP_ENTRY_URL }), false);
  assert.equal(prevented("will-redirect", { url: "https://evil.example/" }), true);
  assert.equal(prevented("will-frame-navigate", { url: "https://evil.example/", isMainFrame: false }), true);
  assert.equal(prevented("will-frame-navigate", { url: APP_ENTRY_URL, isMainFrame: false }), true, "no frame at all");
  assert.equal(prevented("will-frame-navigate", { url: APP_ENTRY_URL, isMainFrame: true }), false);
  assert.equal(prevented("will-attach-webview", {}), true);
  assert.deepEqual((openHandler as unknown as () => unknown)(), { action: "deny" });
  assert.deepEqual(policies, ["disable_non_proxied_udp"]);
});

test("app:// is registered standard and secure with V8's code cache, and nothing that widens the page's reach", async () => {
  const registered: unknown[] = [];
  const { registerAppScheme } = await loadWithFakeElectron("./app-protocol.ts", {
    protocol: { registerSchemesAsPrivileged: (schemes: unknown) => registered.push(schemes) },
  });
  (registerAppScheme as () => void)();
  assert.deepEqual(registered, [[{ scheme: "app", privileges: { standard: true, secure: true, codeCache: true } }]]);
});

const builtRenderer = join(__dirname, "..", "..", "dist", "renderer");

test(
  "the built renderer: every script index.html names and every chunk is served as JavaScript under the CSP",
  { skip: existsSync(join(builtRenderer, "app.js")) ? false : "the app is not built" },
  async () => {
    const html = readFileSync(join(builtRenderer, "index.html"), "utf8");
    const named = [...html.matchAll(/<(?:script type="module" src|link rel="modulepreload" href)="([^"]+)"/g)].map(
      (m) => m[1] as string,
    );
    const chunks = readdirSync(builtRenderer).filter((file) => file.endsWith(".js"));
    assert.ok(named.includes("app.js") && named.length > 1, html);
    assert.ok(chunks.length > named.length, "chunks loaded on use besides the first screen's");
    for (const file of new Set([...named, ...chunks])) {
      const response = await serveAppRequest(builtRenderer, new Request(`app://refund-desk/${file}`));
      assert.equal(response.status, 200, file);
      assert.equal(response.headers.get("content-type"), "text/javascript; charset=utf-8", file);
      assert.equal(response.headers.get("content-security-policy"), CONTENT_SECURITY_POLICY, file);
    }
  },
);
