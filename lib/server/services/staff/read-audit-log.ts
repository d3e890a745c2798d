import { normalizeReferenceCode } from "@/lib/domain";
import { bookingIdSchema } from "@/lib/schemas/staff-booking";
import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { loadOfficeFor } from "./common";

export const AUDIT_PAGE_SIZE = 50;

export interface AuditLogInput {
  officeSlug: string;
  /** 1-based. */
  page?: number;
  /** Only this action (e.g. "booking.cancel"). */
  action?: string;
  /** Only entries about this booking: its id or its reference code (any spelling). */
  booking?: string;
}

export interface AuditEntry {
  id: string;
  at: Date;
  action: string;
  actor: { name: string; email: string } | null;
  booking: { id: string; referenceCode: string } | null;
  details: Record<string, unknown>;
}

function parseDetails(text: string | null): Record<string, unknown> {
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * The office's audit log, newest first, a page at a time, for office administrators and administrators. Filters
 * by action and by booking. Entries name the acting staff member and the booking's reference code.
 */
export async function readAuditLog(db: Db, actor: Actor, input: AuditLogInput) {
  const office = await loadOfficeFor(db, actor, input.officeSlug, "audit:read");

  let bookingFilter: { id: string; referenceCode: string } | null = null;
  let unknownBooking = false;
  if (input.booking) {
    const code = normalizeReferenceCode(input.booking);
    const byId = bookingIdSchema.safeParse(input.booking);
    const found = code
      ? await db.booking.findFirst({ where: { officeId: office.id, referenceCode: code }, select: { id: true, referenceCode: true } })
      : byId.success
        ? await db.booking.findFirst({ where: { officeId: office.id, id: byId.data }, select: { id: true, referenceCode: true } })
        : null;
    if (found) bookingFilter = found;
    else unknownBooking = true;
  }

  const where = {
    officeId: office.id,
    ...(input.action ? { action: input.action } : {}),
    ...(bookingFilter ? { bookingId: bookingFilter.id } : {}),
  };
  const actionRows = await db.auditLog.findMany({
    where: { officeId: office.id },
    distinct: ["action"],
    select: { action: true },
    orderBy: { action: "asc" },
  });
  const actions = actionRows.map((r) => r.action);

  if (unknownBooking) {
    return { office, entries: [] as AuditEntry[], page: 1, pages: 1, total: 0, actions, bookingFilter, unknownBooking };
  }

  const total = await db.auditLog.count({ where });
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(input.page ?? 1)), pages);
  const rows = await db.auditLog.findMany({
    where,
    orderBy: [{ at: "desc" }, { id: "desc" }],
    skip: (page - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE,
    include: { actor: { select: { name: true, email: true } } },
  });
  const bookingIds = [...new Set(rows.map((r) => r.bookingId).filter((id): id is string => Boolean(id)))];
  const bookings = bookingIds.length
    ? await db.booking.findMany({
        where: { id: { in: bookingIds }, officeId: office.id },
        select: { id: true, referenceCode: true },
      })
    : [];
  const codeOf = new Map(bookings.map((b) => [b.id, b.referenceCode]));

  const entries: AuditEntry[] = rows.map((r) => ({
    id: r.id,
    at: r.at,
    action: r.action,
    actor: r.actor,
    booking: r.bookingId && codeOf.has(r.bookingId) ? { id: r.bookingId, referenceCode: codeOf.get(r.bookingId)! } : null,
    details: parseDetails(r.details),
  }));

  return { office, entries, page, pages, total, actions, bookingFilter, unknownBooking };
}

export type AuditLogPage = Awaited<ReturnType<typeof readAuditLog>>;
