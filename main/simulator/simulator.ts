import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID, timingSafeEqual } from "node:crypto";
import { signTimestamp } from "../signing";
import { behaviourFor, type ScenarioBehaviour } from "./scenarios";

/**
 * An Eko-compatible server for the Practice environment and the tests: it checks headers, the
 * signature and the timestamp window the way Eko does, then answers from the scenario table.
 */
export interface SimulatorAccount {
  developerKey: string;
  accessKey: string;
  initiatorId: string;
}

export interface SimulatorOptions {
  accounts: SimulatorAccount[];
  /** How far a secret-key-timestamp may be from the simulator's clock (Eko does not publish its own). */
  windowMs?: number;
  /** Shift the simulator's clock, to play a server whose time differs from this machine's. */
  clockShiftMs?: number;
  /** Scale scenario delays (tests use 0 to skip the "slow answer" wait). */
  delayScale?: number;
  /** Replaces the scenario table (the benchmark answers every tid with an OTP). */
  scenarioFor?: (tid: string) => ScenarioBehaviour;
  port?: number;
}

/** What the simulator saw, so tests can check the exact request the app sent. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
  outcome: "accepted" | "rejected";
  reason?: string;
}

export interface Simulator {
  /** Base URL in the same shape as Eko's (`…/ekoapi/v3`). */
  baseUrl: string;
  requests: RecordedRequest[];
  setClockShift(ms: number): void;
  close(): Promise<void>;
}

export const SIMULATOR_BASE_PATH = "/ekoapi/v3";
export const DEFAULT_WINDOW_MS = 30_000;
const MAX_BODY_BYTES = 16 * 1024;
const ROUTE = /^\/ekoapi\/v3\/customer\/payment\/refund\/([^/]+)\/otp$/;

export async function startSimulator(options: SimulatorOptions): Promise<Simulator> {
  const windowMs = options.windowMs ?? DEFAULT_WINDOW_MS;
  const delayScale = options.delayScale ?? 1;
  let clockShift = options.clockShiftMs ?? 0;
  const requests: RecordedRequest[] = [];
  const openSockets = new Set<import("node:net").Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const now = () => Date.now() + clockShift;

  const server = createServer((req, res) => {
    res.sendDate = false;
    res.setHeader("date", new Date(now()).toUTCString());
    readBody(req).then(
      (body) => handle(req, res, body),
      () => res.destroy(),
    );
  });
  server.on("connection", (socket) => {
    openSockets.add(socket);
    socket.on("close", () => openSockets.delete(socket));
  });

  function record(req: IncomingMessage, body: string, outcome: RecordedRequest["outcome"], reason?: string) {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers[name] = value;
    requests.push({ method: req.method ?? "", path: req.url ?? "", headers, body, outcome, ...(reason ? { reason } : {}) });
  }

  function reject(req: IncomingMessage, res: ServerResponse, body: string, httpStatus: number, reason: string) {
    record(req, body, "rejected", reason);
    send(res, httpStatus, "application/json", JSON.stringify({ status: httpStatus, message: reason }));
  }

  function handle(req: IncomingMessage, res: ServerResponse, body: string) {
    const path = (req.url ?? "").split("?")[0] ?? "";
    const route = ROUTE.exec(path);
    if (!route) return reject(req, res, body, 404, "No mapping rule matched");
    if (req.method !== "POST") return reject(req, res, body, 405, "Method not allowed");
    if (!(req.headers["content-type"] ?? "").startsWith("application/json")) return reject(req, res, body, 415, "Unsupported media type");

    const account = options.accounts.find((a) => a.developerKey === req.headers["developer_key"]);
    if (!account) return reject(req, res, body, 403, "Invalid developer_key");
    const timestamp = header(req, "secret-key-timestamp");
    if (!/^\d{13}$/.test(timestamp) || Math.abs(Number(timestamp) - now()) > windowMs) {
      return reject(req, res, body, 403, "Timestamp outside the window");
    }
    if (!sameText(header(req, "secret-key"), signTimestamp(account.accessKey, timestamp))) {
      return reject(req, res, body, 403, "Invalid secret-key");
    }
    let initiator: unknown;
    try {
      initiator = (JSON.parse(body) as { initiator_id?: unknown }).initiator_id;
    } catch {
      return reject(req, res, body, 400, "Body is not JSON");
    }
    if (initiator !== account.initiatorId) {
      record(req, body, "rejected", "initiator");
      return send(res, 200, "application/json", JSON.stringify({ status: 319, response_status_id: 1, response_type_id: 319, message: "Invalid Initiator ID", invalid_params: { initiator_id: "Invalid initiator" }, data: {} }));
    }
    record(req, body, "accepted");
    answer(res, (options.scenarioFor ?? behaviourFor)(decodeURIComponent(route[1] ?? "")));
  }

  function answer(res: ServerResponse, behaviour: ScenarioBehaviour) {
    switch (behaviour.type) {
      case "otp-sent":
        return later((behaviour.delayMs ?? 0) * delayScale, () =>
          send(res, 200, "application/json", JSON.stringify({ status: 0, response_status_id: 0, response_type_id: 2133, message: "OTP sent to the customer's mobile", data: { otp_ref_id: randomUUID() } })),
        );
      case "envelope":
        return send(res, behaviour.httpStatus, "application/json", JSON.stringify(behaviour.body));
      case "raw":
        return send(res, behaviour.httpStatus, behaviour.contentType, behaviour.body);
      case "hang":
        return;
      case "reset":
        res.writeHead(200, { "content-type": "application/json" });
        res.write('{"status":0,"data":');
        return later(20, () => res.socket?.destroy());
      case "drip": {
        res.writeHead(200, { "content-type": "application/json" });
        const bytes = Buffer.from(JSON.stringify({ status: 0, data: { otp_ref_id: randomUUID() } }));
        let at = 0;
        const next = () => {
          if (res.destroyed) return;
          if (at >= bytes.length) return void res.end();
          res.write(bytes.subarray(at, ++at));
          later(behaviour.intervalMs, next);
        };
        return next();
      }
      case "huge": {
        res.writeHead(200, { "content-type": "application/json" });
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        let sent = 0;
        const pump = () => {
          while (sent < behaviour.bytes) {
            sent += chunk.length;
            if (!res.write(chunk)) return void res.once("drain", pump);
          }
          res.end();
        };
        res.on("error", () => undefined);
        return pump();
      }
    }
  }

  function later(ms: number, fn: () => void) {
    if (ms <= 0) return fn();
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}${SIMULATOR_BASE_PATH}`,
    requests,
    setClockShift(ms) {
      clockShift = ms;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        for (const socket of openSockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function header(req: IncomingMessage, name: string): string {
  const value = req.headers[name];
  return typeof value === "string" ? value : "";
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function send(res: ServerResponse, status: number, contentType: string, body: string) {
  if (res.destroyed) return;
  res.writeHead(status, { "content-type": contentType });
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) return reject(new Error("body too large"));
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
