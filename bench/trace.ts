import type { Db } from "../lib/server/db/client";

// BENCH_TRACE=1: where the time of one booking goes. Every Prisma operation (inside and outside the transaction)
// is timed from its call to its answer, which includes the client's own work and the round trip; the transaction's
// begin and end are marked, so what remains after its last statement is the COMMIT.

export interface TraceEntry {
  /** "Booking.create", "$executeRaw", or "BEGIN" / "END" for the transaction. */
  operation: string;
  /** Milliseconds since the trace started. */
  at: number;
  ms: number;
  inTransaction: boolean;
}

export interface Tracer {
  db: Db;
  /** Records the operations of `fn` alone. */
  record<T>(fn: () => Promise<T>): Promise<{ value: T; entries: TraceEntry[]; totalMs: number }>;
}

export function tracedDb(db: Db): Tracer {
  let entries: TraceEntry[] | null = null;
  let origin = 0;
  let openTransactions = 0;
  const extended = db.$extends({
    query: {
      async $allOperations({ model, operation, args, query }) {
        if (!entries) return query(args);
        const started = performance.now();
        const inTransaction = openTransactions > 0;
        try {
          return await query(args);
        } finally {
          entries?.push({ operation: model ? `${model}.${operation}` : operation, at: started - origin, ms: performance.now() - started, inTransaction });
        }
      },
    },
  }) as unknown as Db;
  const traced = new Proxy(extended, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (property !== "$transaction" || typeof value !== "function") return value;
      return async (fn: unknown, options: unknown) => {
        if (typeof fn !== "function" || !entries) return value.call(target, fn, options);
        const started = performance.now();
        entries.push({ operation: "BEGIN (waits for a pool connection)", at: started - origin, ms: 0, inTransaction: true });
        openTransactions++;
        try {
          return await value.call(target, fn, options);
        } finally {
          openTransactions--;
          entries?.push({ operation: "END (transaction returned)", at: performance.now() - origin, ms: performance.now() - started, inTransaction: true });
        }
      };
    },
  });
  return {
    db: traced,
    async record(fn) {
      entries = [];
      origin = performance.now();
      try {
        const value = await fn();
        return { value, entries, totalMs: performance.now() - origin };
      } finally {
        entries = null;
      }
    },
  };
}

/** The trace as lines: start offset, duration, operation; statements inside the transaction indented. */
export function formatTrace(entries: TraceEntry[], totalMs: number): string {
  const lines = entries.map((e) => {
    const indent = e.inTransaction && !e.operation.startsWith("BEGIN") && !e.operation.startsWith("END") ? "    " : "  ";
    return `${e.at.toFixed(2).padStart(8)} ms  ${e.ms.toFixed(2).padStart(7)} ms${indent}${e.operation}`;
  });
  const inside = entries.filter((e) => e.inTransaction && !e.operation.startsWith("BEGIN") && !e.operation.startsWith("END"));
  const outside = entries.filter((e) => !e.inTransaction);
  const transaction = entries.find((e) => e.operation.startsWith("END"));
  lines.push(
    `  total ${totalMs.toFixed(2)} ms; ${outside.length} statements before the transaction (${sum(outside).toFixed(2)} ms), ` +
      `${inside.length} inside (${sum(inside).toFixed(2)} ms); transaction ${transaction ? transaction.ms.toFixed(2) : "?"} ms`,
  );
  return lines.join("\n");
}

const sum = (entries: TraceEntry[]) => entries.reduce((n, e) => n + e.ms, 0);
