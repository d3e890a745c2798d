import pino, { type DestinationStream, type Logger } from "pino";

// The app's structured log. Lines carry ids, counts and error codes, never personal data (DESIGN.md, invariant 7):
// callers pass booking and message ids, not names or addresses. As a second line of defence, fields that usually
// hold personal data are censored wherever they appear, up to two levels deep.

const PERSONAL_FIELDS = ["email", "recipient", "to", "givenName", "familyName", "phone", "dateOfBirth", "remark", "name"];
const REDACT_PATHS = PERSONAL_FIELDS.flatMap((f) => [f, `*.${f}`]);

/** Compact human-readable lines for development (pino-pretty is not a dependency). */
function developmentDestination(): DestinationStream {
  return {
    write(line: string) {
      try {
        const { level, time, msg, pid: _pid, hostname: _host, component, ...rest } = JSON.parse(line) as Record<string, unknown>;
        const extra = Object.keys(rest).length > 0 ? ` ${JSON.stringify(rest)}` : "";
        const where = component ? `[${String(component)}] ` : "";
        process.stdout.write(`${String(time).slice(11, 23)} ${String(level).toUpperCase().padEnd(5)} ${where}${String(msg ?? "")}${extra}\n`);
      } catch {
        process.stdout.write(line);
      }
    },
  };
}

export interface CreateLoggerOptions {
  level?: string;
  /** JSON lines (production) or readable lines (development). */
  json?: boolean;
  destination?: DestinationStream;
}

export function createLogger(options: CreateLoggerOptions = {}): Logger {
  const json = options.json ?? process.env.NODE_ENV === "production";
  return pino(
    {
      level: options.level ?? (process.env.LOG_LEVEL?.trim() || (process.env.NODE_ENV === "test" ? "silent" : "info")),
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
    },
    options.destination ?? (json ? pino.destination({ fd: 1, sync: true }) : developmentDestination()),
  );
}

const holder = globalThis as typeof globalThis & { __terminvergabeLog?: Logger };

/** The process-wide logger (one per process, shared by Next's separately bundled module graphs). */
export function log(): Logger {
  holder.__terminvergabeLog ??= createLogger();
  return holder.__terminvergabeLog;
}

/** A logger for one part of the app, e.g. `componentLog("outbox")`. */
export function componentLog(component: string): Logger {
  return log().child({ component });
}
