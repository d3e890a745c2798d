import { AppError } from "@/lib/server/errors";

/**
 * Input only the database can judge (a slug already in use, a time zone change under booked appointments):
 * refused with a form field and a key of "admin.validation".
 */
export class OfficeInputError extends AppError {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super("INVALID_INPUT", `${field}: ${reason}`);
    this.name = "OfficeInputError";
  }
}

export function isOfficeInputError(e: unknown): e is OfficeInputError {
  return e instanceof OfficeInputError;
}

/** A unique constraint hit by a concurrent insert (P2002 on both databases): the slug was taken meanwhile. */
export function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: unknown }).code === "P2002";
}
