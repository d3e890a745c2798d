// Translating codes from services and schemas on the agenda pages: the agenda's own, staff-oriented texts first,
// then the shared namespaces, never a raw code.

interface Translator {
  (key: string, values?: Record<string, string | number | Date>): string;
  has(key: string): boolean;
}

/** An error code from a service or action (AppError codes and the agenda's own). */
export function errorText(agenda: Translator, errors: Translator, code: string | undefined | null): string {
  if (!code) return agenda("errors.UNEXPECTED");
  if (/^[A-Z_]+$/.test(code) && agenda.has(`errors.${code}`)) return agenda(`errors.${code}`);
  if (/^[A-Z_]+$/.test(code) && errors.has(code)) return errors(code);
  return agenda("errors.UNEXPECTED");
}

/** A field error key from a schema. */
export function validationText(agenda: Translator, validation: Translator, key: string | undefined): string | undefined {
  if (!key) return undefined;
  if (/^[a-zA-Z]+$/.test(key) && agenda.has(`validation.${key}`)) return agenda(`validation.${key}`);
  if (/^[a-zA-Z]+$/.test(key) && validation.has(key)) return validation(key);
  return validation("invalid");
}

/** Message keys cannot contain dots: "booking.arrive" (an audit action, a webhook event) is stored under "booking_arrive". */
export function auditActionKey(action: string): string {
  return action.replace(/[^A-Za-z0-9]/g, "_");
}

export const STATUS_ACTION_KEYS = { arrive: "arrive", serve: "serve", "no-show": "noShow", undo: "undo" } as const;
