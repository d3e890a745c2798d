import "server-only";
import type { z } from "zod";
import { fieldErrorsOf } from "@/lib/schemas/form-errors";
import { ApiError } from "./errors";
import { officePathSchema, servicePathSchema, tokenPathSchema } from "./schemas";

// Path segments that cannot name anything are answered like unknown ones, without a database query; a malformed
// token looks exactly like a wrong one.

export function officeSlugParam(value: string | undefined): string {
  const parsed = officePathSchema.shape.office.safeParse(value);
  if (!parsed.success) throw new ApiError("OFFICE_NOT_FOUND");
  return parsed.data;
}

export function serviceSlugParam(value: string | undefined): string {
  const parsed = servicePathSchema.shape.service.safeParse(value);
  if (!parsed.success) throw new ApiError("SERVICE_NOT_FOUND");
  return parsed.data;
}

/** A manage token from the path; one that cannot be a token is answered as a wrong one (`notFound`). */
export function tokenParam(value: string | undefined, notFound: "BOOKING_NOT_FOUND" | "WISH_NOT_FOUND" = "BOOKING_NOT_FOUND"): string {
  const parsed = tokenPathSchema.shape.token.safeParse(value);
  if (!parsed.success) throw new ApiError(notFound);
  return parsed.data;
}

/** Query parameters through a schema; problems are a 400 with field errors. */
export function parseQuery<S extends z.ZodType>(request: Request, schema: S): z.output<S> {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = schema.safeParse(query);
  if (!parsed.success) throw new ApiError("MALFORMED_REQUEST", fieldErrorsOf(parsed.error));
  return parsed.data;
}
