import type { z } from "zod";

/** The one shape in which every action and API route reports bad input: field -> translation keys. */
export type FieldErrors = Record<string, string[]>;

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.join(".") : "_form";
    // Messages are our translation keys; zod's own defaults (unknown keys, wrong types) map to "invalid".
    const message = /^[a-zA-Z]+$/.test(issue.message) ? issue.message : "invalid";
    // Two checks with one message (e.g. a phone number's pattern and its digit count) report it once.
    if (!out[key]?.includes(message)) (out[key] ??= []).push(message);
  }
  return out;
}

/** What a server action returns when it does not redirect. `formError` is a key of the "errors" namespace. */
export interface ActionState {
  fieldErrors?: FieldErrors;
  formError?: string;
  values?: Record<string, string>;
}
