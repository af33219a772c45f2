/**
 * The e2e test host, also behind the browser demo (scripts/demo/demo.ts). Development code only:
 * it never ships in the package.
 *
 * Electron's binary cannot be downloaded on the build machines, so the renderer is tested in
 * Debian's Chromium instead. This server stands in for the Electron shell and nothing else: it
 * serves the same built renderer bundle (dist/renderer) with the real app's headers, adds one
 * script that plays the preload, and answers each IPC call with the same handler table Electron's
 * ipcMain uses (`desk.dispatch` from createRefundDesk). It binds 127.0.0.1 only.
 */
import { appendFileSync, readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { IPC_CHANNELS } from "../../app/ipc";
import type { KeyStore } from "../../main/keychain/key-store";
import type { Practice } from "../../main/simulator/practice";
import { ok } from "../../app/result";
import { createRefundDesk, type RefundDesk } from "../../main/refund-desk";
import { APP_ORIGIN, baseHeaders, serveAppRequest } from "../../main/window-policy/protocol-paths";
import { memoryKeyStore } from "../../main/test-support/memory-key-store";
import { readBody } from "../../main/simulator/read-body";

const ROOT = join(__dirname, "..", "..");
const RENDERER_ROOT = join(ROOT, "dist", "renderer");
const STAND_IN_PATH = "/__host/preload-stand-in.js";
const IPC_PATH = "/__ipc";
const APP_SCRIPT_TAG = '<script type="module" src="app.js"';
const MAX_IPC_BODY_BYTES = 64 * 1024;
/** What stands in the IPC transcript for a secret the renderer sent. */
export const REDACTED = "<redacted>";

export interface TestHostOptions {
  /** Defaults to an in-memory store: only the keychain spec needs the real one. */
  keyStore?: KeyStore;
  dataDir: string;
  practice?: Practice;
  /** A machine-wide policy file for this host (kiosk mode, locked settings, counter name). */
  machinePolicyPath?: string;
  /** The refund flow's waits (the pause before inquiring a lost refund); real ones by default. */
  sleep?: (ms: number) => Promise<void>;
  /** The browser demo: the stand-in marks the desk view, so the window says it is a demo. */
  demo?: boolean;
  /** The loopback port to listen on; any free one by default. */
  port?: number;
  /** An answer in place of main's for a call the host does not pass on; null passes it on. */
  intercept?: (channel: string, payload: unknown) => unknown;
  /** The built renderer to serve; dist/renderer by default (the dev loop may build elsewhere). */
  rendererRoot?: string;
  /** Extra HTML pages by path, served with the app's headers (the benchmark's bare page). */
  pages?: Readonly<Record<string, string>>;
}

export interface TestHost {
  /** The page to open: the host's own origin. */
  url: string;
  desk: RefundDesk;
  /** How many times an admin's kiosk exit asked the app to quit. */
  quits(): number;
  /** The print requests main made (webContents.print's options in the app). */
  prints(): { silent: boolean; deviceName?: string }[];
  close(): Promise<void>;
}

export async function startTestHost(options: TestHostOptions): Promise<TestHost> {
  // The channel table is embedded into the stand-in, so it exposes exactly the contract's methods.
  const standIn = readFileSync(join(__dirname, "preload-stand-in.js"), "utf8")
    .replace("__IPC_CHANNELS__", JSON.stringify(IPC_CHANNELS))
    .replace("__DEMO__", JSON.stringify(options.demo === true));
  const transcript = process.env.REFUND_DESK_TEST_ARTIFACTS
    ? join(process.env.REFUND_DESK_TEST_ARTIFACTS, "ipc-transcript.jsonl")
    : null;
  // Listen first: the desk trusts only pages from the host's own origin, known once bound.
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let quitCount = 0;
  const printed: { silent: boolean; deviceName?: string }[] = [];
  const desk = createRefundDesk({
    fetch,
    keyStore: options.keyStore ?? memoryKeyStore(),
    dataDir: options.dataDir,
    appOrigin: origin,
    ...(options.practice ? { practice: options.practice } : {}),
    ...(options.sleep ? { sleep: options.sleep } : {}),
    machinePolicyPath: options.machinePolicyPath ?? null,
    quit: () => quitCount++,
    print: async (printOptions) => {
      printed.push(printOptions);
      return ok(undefined);
    },
  });

  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    route(req, res).catch(() => send(res, 500, "text/plain; charset=utf-8", "Internal error"));
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? "/", origin).pathname;
    if (req.method === "POST" && path === IPC_PATH) return ipc(req, res);
    if (req.method !== "GET") return send(res, 404, "text/plain; charset=utf-8", "Not found");
    if (path === STAND_IN_PATH) return send(res, 200, "text/javascript; charset=utf-8", standIn);
    const page = options.pages?.[path];
    if (page !== undefined) return send(res, 200, "text/html; charset=utf-8", page);
    return serveRenderer(res, path);
  }

  /** The bundle exactly as the app:// protocol serves it: the same path rules refuse traversal. */
  async function serveRenderer(res: ServerResponse, path: string): Promise<void> {
    const response = await serveAppRequest(options.rendererRoot ?? RENDERER_ROOT, new Request(`${APP_ORIGIN}${path}`));
    let body = Buffer.from(await response.arrayBuffer());
    if (response.ok && (path === "/" || path === "/index.html")) {
      const html = body.toString("utf8");
      // A renderer change that drops this tag must fail loudly, not run without a bridge.
      if (!html.includes(APP_SCRIPT_TAG))
        throw new Error("index.html has no app.js script tag to put the stand-in before");
      body = Buffer.from(
        // Deferred, as a preload costs the page's parser nothing: it still runs before app.js.
        html.replace(APP_SCRIPT_TAG, `<script defer src="${STAND_IN_PATH}"></script>\n    ${APP_SCRIPT_TAG}`),
      );
    }
    // The page's own policy as app:// serves it (it allows the page's inline blocks by hash).
    const policy = response.headers.get("content-security-policy");
    send(res, response.status, response.headers.get("content-type") ?? "text/plain; charset=utf-8", body, policy);
  }

  async function ipc(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let message: { channel?: unknown; payload?: unknown };
    try {
      message = JSON.parse(await readBody(req, MAX_IPC_BODY_BYTES)) as typeof message;
    } catch {
      return send(res, 400, "text/plain; charset=utf-8", "Bad request");
    }
    const channel = typeof message.channel === "string" ? message.channel : "";
    // Electron hands main the sender frame's URL; the page's fetch carries it as the Referer.
    const reply =
      options.intercept?.(channel, message.payload) ??
      (await desk.dispatch(channel, message.payload, { url: req.headers.referer ?? "", isMainFrame: true }));
    if (transcript)
      appendFileSync(
        transcript,
        `${JSON.stringify({ channel, request: transcribed(channel, message.payload), reply })}\n`,
      );
    send(res, 200, "application/json; charset=utf-8", JSON.stringify(reply));
  }

  return {
    url: `${origin}/`,
    desk,
    quits: () => quitCount,
    prints: () => [...printed],
    async close() {
      // Chromium keeps connections alive; close them or server.close never finishes.
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await desk.close();
    },
  };
}

/**
 * A request as the transcript keeps it. The access key, the admin and token PINs, the customer's OTP and the
 * customer's mobile legitimately travel renderer→main but may be written nowhere (the mobile
 * keeps its last 4 digits, as in the journal), so they are redacted here.
 * Replies are kept verbatim.
 */
function transcribed(channel: string, payload: unknown): unknown {
  if (channel === IPC_CHANNELS.setAccessKey) return { accessKey: REDACTED };
  if (
    channel === IPC_CHANNELS.unlockSettings ||
    channel === IPC_CHANNELS.exitKiosk ||
    channel === IPC_CHANNELS.setTokenPin
  )
    return { pin: REDACTED };
  // A kiosk export carries the admin PIN too.
  if (channel === IPC_CHANNELS.exportHistory && typeof payload === "object" && payload !== null && "pin" in payload)
    return { ...payload, pin: REDACTED };
  // The customer's mobile goes to Eko only; the journal keeps its last 4 digits, and so does this.
  if (channel === IPC_CHANNELS.pendingRefunds) {
    const mobile = typeof payload === "object" && payload !== null ? (payload as { mobile?: unknown }).mobile : payload;
    return { mobile: typeof mobile === "string" ? `${REDACTED}${mobile.replace(/\D/g, "").slice(-4)}` : REDACTED };
  }
  if (channel === IPC_CHANNELS.refund) {
    // A refund payload that is not an object is not worth keeping either: it may be the OTP itself.
    return typeof payload === "object" && payload !== null && !Array.isArray(payload)
      ? { ...payload, otp: REDACTED }
      : REDACTED;
  }
  return payload ?? null;
}

/** Every response carries the real app's headers: its CSP (connect-src 'self' included), nosniff, no-store. */
function send(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string | Buffer,
  policy: string | null = null,
): void {
  res.writeHead(status, {
    ...baseHeaders(),
    ...(policy ? { "Content-Security-Policy": policy } : {}),
    "Content-Type": contentType,
    "Content-Length": Buffer.byteLength(body),
  });
  res.end(body);
}
