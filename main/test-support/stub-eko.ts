import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export interface StubRequest {
  method: string;
  /** The path and query, e.g. /ekoapi/v3/customer/payment/refund/13192443/otp. */
  path: string;
  body: string;
}

/** What the stub does with a request: answer it, or fail it the ways a network does. */
export type StubAnswer =
  | {
      status: number;
      body: string | Record<string, unknown>;
      contentType?: string;
      headers?: Record<string, string>;
      /** Answers this much later: Eko still working while the counter asks again. */
      delayMs?: number;
    }
  | { fault: "reset" | "hang" | "huge" };

/**
 * A stand-in for Eko on loopback whose answer each test sets (`answer`): Eko's refusals, a proxy's
 * HTML, a reply too large, a connection reset, one that never answers. Requests are recorded.
 */
export async function startStubEko() {
  const sockets = new Set<Socket>();
  const stub = {
    baseUrl: "",
    requests: [] as StubRequest[],
    answer: ((): StubAnswer => ({ fault: "reset" })) as (request: StubRequest) => StubAnswer,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const request = { method: req.method ?? "", path: req.url ?? "", body: Buffer.concat(chunks).toString("utf8") };
      stub.requests.push(request);
      const answer = stub.answer(request);
      if ("fault" in answer) {
        if (answer.fault === "reset") req.socket.resetAndDestroy();
        if (answer.fault === "huge") {
          res.writeHead(200, { "content-type": "application/json" });
          res.end(`{"status":0,"message":"${"x".repeat(1024 * 1024)}"}`);
        }
        return;
      }
      const body = typeof answer.body === "string" ? answer.body : JSON.stringify(answer.body);
      setTimeout(() => {
        res.writeHead(answer.status, { "content-type": answer.contentType ?? "application/json", ...answer.headers });
        res.end(body);
      }, answer.delayMs ?? 0);
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  stub.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ekoapi/v3`;
  return stub;
}
