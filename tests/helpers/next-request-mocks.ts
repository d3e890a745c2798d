import { AsyncLocalStorage } from "node:async_hooks";
import { getURLFromRedirectError } from "next/dist/client/components/redirect";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import type { Db } from "@/lib/server/db/client";

// Stand-ins for what Next.js provides to a server action during a request, so that tests can call the real action
// functions: a cookie jar per simulated browser (found through AsyncLocalStorage, so that two browsers can act
// concurrently), the locale, and the database. `redirect` is not replaced: it throws Next's own NEXT_REDIRECT error,
// whose target `actionResult` reads.
//
// In a test file (jest.mock calls are hoisted above the imports, so the factories require this module lazily):
//
//   jest.mock("next/headers", () => require("../helpers/next-request-mocks").nextHeadersMock());
//   jest.mock("next-intl/server", () => require("../helpers/next-request-mocks").nextIntlServerMock("de"));
//   jest.mock("@/lib/server/db", () => require("../helpers/next-request-mocks").dbModuleMock());

export interface CookieOptions {
  httpOnly?: boolean;
  secure?: boolean;
  sameSite?: "lax" | "strict" | "none" | boolean;
  path?: string;
  maxAge?: number;
  expires?: Date | number;
  domain?: string;
}

/** The subset of Next's cookie store that server code uses: get, getAll, has, set, delete. */
export class CookieJar {
  private readonly values = new Map<string, string>();
  /** Every `set`/`delete` in order, with its options, for assertions on attributes and on "nothing written". */
  readonly writes: Array<{ name: string; value: string; options: CookieOptions }> = [];

  constructor(initial: Record<string, string> = {}) {
    for (const [name, value] of Object.entries(initial)) this.values.set(name, value);
  }

  get(name: string): { name: string; value: string } | undefined {
    const value = this.values.get(name);
    return value === undefined ? undefined : { name, value };
  }

  getAll(): Array<{ name: string; value: string }> {
    return [...this.values].map(([name, value]) => ({ name, value }));
  }

  has(name: string): boolean {
    return this.values.has(name);
  }

  set(nameOrCookie: string | ({ name: string; value: string } & CookieOptions), value?: string, options: CookieOptions = {}): this {
    const cookie = typeof nameOrCookie === "string" ? { name: nameOrCookie, value: value ?? "", ...options } : nameOrCookie;
    const { name, value: v, ...attributes } = cookie;
    this.writes.push({ name, value: v, options: attributes });
    // Like a browser: a cookie that expires at once is gone.
    if (attributes.maxAge !== undefined && attributes.maxAge <= 0) this.values.delete(name);
    else this.values.set(name, v);
    return this;
  }

  delete(name: string): this {
    this.writes.push({ name, value: "", options: { maxAge: 0 } });
    this.values.delete(name);
    return this;
  }

  /** The raw value, as the browser would send it back. */
  value(name: string): string | undefined {
    return this.values.get(name);
  }
}

const currentJar = new AsyncLocalStorage<CookieJar>();

/** Runs `fn` as a request from the browser holding `jar`: `cookies()` inside it (and its awaits) returns `jar`. */
export function inBrowser<T>(jar: CookieJar, fn: () => Promise<T>): Promise<T> {
  return currentJar.run(jar, fn);
}

function requestCookies(): CookieJar {
  const jar = currentJar.getStore();
  if (!jar) throw new Error("cookies() was called outside inBrowser(jar, ...)");
  return jar;
}

export function nextHeadersMock() {
  return {
    cookies: async () => requestCookies(),
    headers: async () => new Headers(),
  };
}

export function nextIntlServerMock(locale: string) {
  return { getLocale: async () => locale };
}

let database: Db | undefined;

/** The database that the mocked `getDb()` returns; set it in `beforeEach` to the describe's `ctx.db`. */
export function useTestDb(db: Db): void {
  database = db;
}

/** `@/lib/server/db` with only `getDb` replaced, so that types, enums and helpers stay the real ones. */
export function dbModuleMock() {
  return {
    ...jest.requireActual<typeof import("@/lib/server/db")>("@/lib/server/db"),
    getDb: (): Db => {
      if (!database) throw new Error("getDb() was called before useTestDb(db)");
      return database;
    },
  };
}

export type ActionResult<T> = { redirect: string } | { returned: T };

/**
 * Awaits a server action: a NEXT_REDIRECT becomes `{ redirect: url }`, a value `{ returned }`. Any other error is
 * thrown on, so a test that expects an answer fails with it.
 */
export async function actionResult<T>(action: Promise<T>): Promise<ActionResult<T>> {
  try {
    return { returned: await action };
  } catch (e) {
    if (isRedirectError(e)) return { redirect: getURLFromRedirectError(e) };
    throw e;
  }
}

/** FormData from plain fields; `null` leaves a field out. */
export function formData(fields: Record<string, string | Blob | null | undefined>): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    if (value !== null && value !== undefined) form.append(key, value);
  }
  return form;
}
