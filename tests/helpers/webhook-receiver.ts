import http from "node:http";
import type { AddressInfo } from "node:net";

// A real HTTP receiver on 127.0.0.1 (a free port) for webhook tests: it keeps every request it gets and answers
// as told: a status per call (e.g. 500 then 200), slowly, never, or not at all because it is down (connection
// refused), and comes back on the same port.

export interface ReceivedCall {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** Webhook-Id, for counting deliveries per event. */
  id: string;
}

export interface TestWebhookReceiver {
  /** `http://127.0.0.1:<port>/<path>`. */
  url(path?: string): string;
  readonly calls: readonly ReceivedCall[];
  /** The calls to one path (one endpoint). */
  callsTo(path: string): ReceivedCall[];
  /** Statuses for the next calls, in order; afterwards 200. */
  answer(...statuses: number[]): void;
  /** Every answer only after `ms` (0: at once); a negative value never answers. */
  delay(ms: number): void;
  /** Stops listening: connections are refused until `restore`. */
  down(): Promise<void>;
  restore(): Promise<void>;
  clear(): void;
  stop(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<TestWebhookReceiver> {
  const calls: ReceivedCall[] = [];
  let statuses: number[] = [];
  let delayMs = 0;
  let port = 0;
  let server: http.Server | undefined;
  const hanging = new Set<http.ServerResponse>();

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = http.createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on("data", (c: Buffer) => chunks.push(c));
        req.on("end", () => {
          const body = Buffer.concat(chunks).toString("utf8");
          calls.push({ path: req.url ?? "/", headers: req.headers, body, id: String(req.headers["webhook-id"] ?? "") });
          const status = statuses.shift() ?? 200;
          const reply = () => res.writeHead(status, { "Content-Type": "text/plain" }).end(status < 300 ? "ok" : "nope");
          if (delayMs < 0) hanging.add(res);
          else if (delayMs > 0) setTimeout(reply, delayMs);
          else reply();
        });
      });
      s.once("error", reject);
      s.listen(port, "127.0.0.1", () => {
        port = (s.address() as AddressInfo).port;
        server = s;
        resolve();
      });
    });

  const close = async () => {
    const s = server;
    server = undefined;
    if (!s) return;
    for (const res of hanging) res.destroy();
    hanging.clear();
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  };

  await listen();
  return {
    url: (path = "/hook") => `http://127.0.0.1:${port}${path}`,
    calls,
    callsTo: (path) => calls.filter((c) => c.path === path),
    answer: (...next) => {
      statuses = next;
    },
    delay: (ms) => {
      delayMs = ms;
    },
    down: close,
    restore: async () => {
      if (!server) await listen();
    },
    clear: () => {
      calls.length = 0;
      statuses = [];
      delayMs = 0;
    },
    stop: close,
  };
}
