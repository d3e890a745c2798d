import "server-only";
import type { z } from "zod";
import { manageTokenSchema, slugSchema } from "@/lib/schemas/booking";
import { fieldErrorsOf } from "@/lib/schemas/form-errors";
import { ApiError } from "./errors";

// Path segments that cannot name anything are answered like unknown ones, without a database query; a malformed
// token looks exactly like a wrong one.

export function officeSlugParam(value: string | undefined): string {
  if (!slugSchema.safeParse(value).success) throw new ApiError("OFFICE_NOT_FOUND");
  return value as string;
}

export function serviceSlugParam(value: string | undefined): string {
  if (!slugSchema.safeParse(value).success) throw new ApiError("SERVICE_NOT_FOUND");
  return value as string;
}

export function tokenParam(value: string | undefined): string {
  if (!manageTokenSchema.safeParse(value).success) throw new ApiError("BOOKING_NOT_FOUND");
  return value as string;
}

/** Query parameters through a schema; problems are a 400 with field errors. */
export function parseQuery<S extends z.ZodType>(request: Request, schema: S): z.output<S> {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = schema.safeParse(query);
  if (!parsed.success) throw new ApiError("MALFORMED_REQUEST", fieldErrorsOf(parsed.error));
  return parsed.data;
}
