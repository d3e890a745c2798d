import { AppError } from "@/lib/server/errors";

/** A unique constraint hit by a concurrent insert (P2002 on both databases): the slug was taken meanwhile. */
export function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: unknown }).code === "P2002";
}
