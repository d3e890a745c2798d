import autocannon from "autocannon";
import type { LoadSample } from "./http-report";

// Drives the instances with autocannon, all at the same time and with an even share of the connections each. The
// latency of every single answer is recorded here (autocannon's own histogram keeps 2xx answers only and cannot be
// merged across instances), so that the run's percentiles cover every request at every instance.

export interface PreparedRequest {
  method: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface LoadOptions {
  /** Base URLs of the instances. */
  urls: string[];
  /** Open connections in all, split evenly across the instances. */
  connections: number;
  /** Seconds to run, unless `amount` is given. */
  durationSeconds?: number;
  /** Requests in all, split evenly across the instances (e.g. one per prepared booking). */
  amount?: number;
  /** The n-th request (from 0) sent to instance `instance`; called once per request. */
  request: (instance: number, n: number) => PreparedRequest;
}

function driveOne(url: string, instance: number, connections: number, options: LoadOptions, amount?: number): Promise<LoadSample> {
  const latenciesMs: number[] = [];
  const statuses: Record<number, number> = {};
  let sent = 0;
  const first = options.request(instance, 0);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const run = autocannon(
      {
        url,
        connections,
        ...(amount !== undefined ? { amount } : { duration: options.durationSeconds ?? 10 }),
        // Long enough for the slowest booking under load; a timeout is counted, never hidden.
        timeout: 30,
        requests: [
          {
            method: first.method,
            path: first.path,
            setupRequest: (request) => {
              const next = options.request(instance, sent++);
              return { ...request, method: next.method, path: next.path, headers: next.headers, body: next.body };
            },
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error);
        // autocannon counts timeouts among its errors.
        resolve({ latenciesMs, statuses, errors: result.errors - result.timeouts, timeouts: result.timeouts, wallMs: performance.now() - started });
      },
    );
    run.on("response", (_client, statusCode, _bytes, responseTime) => {
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
      latenciesMs.push(responseTime);
    });
  });
}

/** One run: every instance driven at once; one sample per instance. */
export function driveLoad(options: LoadOptions): Promise<LoadSample[]> {
  const n = options.urls.length;
  const share = (total: number, i: number) => Math.floor(total / n) + (i < total % n ? 1 : 0);
  return Promise.all(
    options.urls.map((url, i) =>
      driveOne(url, i, share(options.connections, i), options, options.amount === undefined ? undefined : share(options.amount, i)),
    ),
  );
}
