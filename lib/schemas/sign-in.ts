// Staff sign-in with e-mail and password: the error the credentials provider reports when a client has to wait,
// and how the login form reads it. No zod here: the login page's script stays small.

const THROTTLED = "THROTTLED";

/** The error message of a throttled sign-in, carrying the seconds to wait. */
export function throttledError(seconds: number): string {
  return `${THROTTLED}:${Math.max(1, Math.ceil(seconds))}`;
}

/** What the login form says about a failed sign-in: a key of "staff.login" and its values. */
export interface SignInProblem {
  key: "failed" | "throttled" | "throttledSeconds" | "throttledMinutes";
  values?: { seconds?: number; minutes?: number };
}

/** Reads next-auth's error of a credentials sign-in: throttled (with the wait, when known) or simply failed. */
export function signInProblem(error: string | null | undefined): SignInProblem {
  const match = /^THROTTLED(?::(\d{1,6}))?$/.exec(error ?? "");
  if (!match) return { key: "failed" };
  if (!match[1]) return { key: "throttled" };
  const seconds = Number(match[1]);
  return seconds < 60
    ? { key: "throttledSeconds", values: { seconds } }
    : { key: "throttledMinutes", values: { minutes: Math.ceil(seconds / 60) } };
}
