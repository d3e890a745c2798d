import { emailColumns } from "@/lib/domain/email-identity";
import type { Db } from "@/lib/server/db/client";
import { createManageToken } from "@/lib/server/security/tokens";
import { person } from "../office-fixture";

// Wishes and offers written straight into the test database, as the citizen's pages and the offers worker would
// leave them: for tests of what staff, the evaluation and the erasure do with them.

/** Test person `n` as a row stores them, with the address's counting key. */
function personRow(n: number) {
  const p = person(n);
  return { ...p, ...emailColumns(p.email) };
}

let counter = 0;

export interface WishRowOptions {
  officeId: string;
  serviceId: string;
  earliestDate: string;
  latestDate: string;
  status?: "UNCONFIRMED" | "ACTIVE" | "BOOKED" | "WITHDRAWN" | "REMOVED" | "EXPIRED";
  source?: "WAITLIST" | "ROUND" | "EXTENSION";
  persons?: number;
  permitExpiresOn?: string | null;
  createdAt?: Date;
  confirmedAt?: Date | null;
  closedAt?: Date | null;
  bookingId?: string | null;
  /** Number of the test person (name, e-mail) the wish belongs to. */
  n?: number;
}

export async function insertWish(db: Db, o: WishRowOptions) {
  counter++;
  const n = o.n ?? counter;
  const status = o.status ?? "ACTIVE";
  return db.wish.create({
    data: {
      officeId: o.officeId,
      serviceId: o.serviceId,
      persons: o.persons ?? 1,
      earliestDate: o.earliestDate,
      latestDate: o.latestDate,
      weekdays: "1,2,3,4,5",
      dayParts: "MORNING,AFTERNOON",
      source: o.source ?? "WAITLIST",
      status,
      manageTokenHash: createManageToken().hash,
      referenceCode: `WL-${String(counter).padStart(4, "0")}-${Math.random().toString(36).slice(2, 6).toUpperCase()}`,
      ...personRow(n),
      phone: "+49 170 5550000",
      permitExpiresOn: o.permitExpiresOn ?? null,
      identityHash: `identity-${n}`,
      createdAt: o.createdAt,
      confirmedAt: o.confirmedAt === undefined ? (status === "UNCONFIRMED" ? null : (o.createdAt ?? new Date())) : o.confirmedAt,
      closedAt: o.closedAt ?? null,
      bookingId: o.bookingId ?? null,
    },
  });
}

/**
 * An offer of `startsAt`..`endsAt` to a wish: the held booking with the wish's person (as the offers worker writes
 * it), the offer row, and for an open offer the wish's pointer to it.
 */
export async function insertOffer(
  db: Db,
  wish: { id: string; officeId: string; serviceId: string; persons: number },
  o: { startsAt: Date; endsAt: Date; offeredAt: Date; deadline: Date; outcome?: "OPEN" | "ACCEPTED" | "DECLINED" | "EXPIRED"; n?: number },
) {
  counter++;
  const outcome = o.outcome ?? "OPEN";
  const manage = createManageToken();
  const booking = await db.booking.create({
    data: {
      officeId: wish.officeId,
      serviceId: wish.serviceId,
      persons: wish.persons,
      startsAt: o.startsAt,
      endsAt: o.endsAt,
      status: outcome === "ACCEPTED" ? "CONFIRMED" : "HELD",
      holdExpiresAt: outcome === "OPEN" ? o.deadline : outcome === "ACCEPTED" ? null : o.offeredAt,
      createdAt: o.offeredAt,
      referenceCode: `TV-OFFR-${String(counter).padStart(4, "0")}`,
      manageTokenHash: manage.hash,
      ...personRow(o.n ?? counter),
    },
  });
  const offer = await db.wishOffer.create({
    data: {
      wishId: wish.id,
      officeId: wish.officeId,
      bookingId: booking.id,
      startsAt: o.startsAt,
      offeredAt: o.offeredAt,
      deadline: o.deadline,
      outcome,
      decidedAt: outcome === "OPEN" ? null : o.deadline,
    },
  });
  if (outcome === "OPEN") await db.wish.update({ where: { id: wish.id }, data: { openOfferId: offer.id } });
  if (outcome === "ACCEPTED") {
    await db.wish.update({ where: { id: wish.id }, data: { status: "BOOKED", bookingId: booking.id, closedAt: o.offeredAt } });
  }
  return { booking, offer, manageToken: manage.token };
}
