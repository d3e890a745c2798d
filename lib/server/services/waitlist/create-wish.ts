import { createHmac } from "node:crypto";
import { localDateOf } from "@/lib/domain";
import { OPEN_WISH_STATUSES } from "@/lib/domain/erasure";
import { emailColumns, emailCountingKey } from "@/lib/domain/email-identity";
import { personIdentityKey } from "@/lib/domain/person-identity";
import type { DayPart } from "@/lib/domain/waitlist";
import type { WishSource } from "@/lib/domain/waitlist-overview";
import { formatDayParts, formatWeekdays } from "@/lib/domain/waitlist";
import type { Weekday } from "@/lib/domain/types";
import type { PersonalData } from "@/lib/schemas/booking";
import { fieldErrorsOf } from "@/lib/schemas/form-errors";
import { type WishPreferences, wishPreferencesSchema } from "@/lib/schemas/wish";
import { getDb, type Db, type Tx } from "@/lib/server/db";
import { retryingTransaction } from "@/lib/server/db/transaction";
import { env } from "@/lib/server/env";
import { AppError, fieldError } from "@/lib/server/errors";
import { enqueueMail } from "@/lib/server/mail/outbox";
import { createManageToken } from "@/lib/server/security/tokens";
import { wishManageUrl } from "../booking-urls";
import { uniqueReferenceCode } from "../insert-booking";
import { serviceWithTranslations } from "../office-catalog";
import { withTexts } from "../service-texts";
import { wishMailPayload } from "./wish-mail";

export interface WishPreferencesValue {
  earliestDate: string;
  latestDate: string;
  weekdays: readonly Weekday[];
  dayParts: readonly DayPart[];
}

export interface CreateWishInput {
  officeId: string;
  serviceId: string;
  persons: number;
  person: PersonalData;
  /** The expiry date of the residence permit, when the citizen gave it (makes the wish urgent near it). */
  permitExpiresOn?: string;
  preferences: WishPreferencesValue;
  /** The citizen's language: of the e-mails and the manage link. */
  locale: string;
  source: WishSource;
  /** The release round a ROUND request belongs to. */
  roundId?: string;
  now: Date;
}

export interface CreatedWish {
  wishId: string;
  referenceCode: string;
  /** Shown once (in the e-mail); only its hash is stored. */
  token: string;
}

/**
 * The stored identity of a person (name and date of birth), keyed with the server's secret: a release round counts
 * one request per person, and the hash alone does not let anyone test guessed names against the table.
 */
export function identityHashOf(person: Pick<PersonalData, "givenName" | "familyName" | "dateOfBirth">): string {
  return createHmac("sha256", env().NEXTAUTH_SECRET).update(`wish-identity:${personIdentityKey(person)}`).digest("hex");
}

/**
 * Open wishes of the office for the mailbox `email` reaches, however each was spelt: by the counting key every wish
 * stores (as for bookings). A wish past its latest date no longer counts.
 */
async function openWishesOfMailbox(tx: Tx, officeId: string, email: string, today: string): Promise<number> {
  return tx.wish.count({
    where: {
      officeId,
      emailKey: emailCountingKey(email),
      // Open wishes (waiting, or about to) count against the limit per address.
      status: { in: [...OPEN_WISH_STATUSES] },
      latestDate: { gte: today },
    },
  });
}

/**
 * The preferences of a wish by the same rule the form and the API check them with (for callers that build them
 * themselves): the valid ones, or the first field error as an INVALID_INPUT AppError.
 */
export function checkedWishPreferences(
  preferences: WishPreferencesValue,
  office: { timeZone: string; bookingHorizonDays: number },
  now: Date,
): WishPreferences {
  const today = localDateOf(now, office.timeZone);
  const parsed = wishPreferencesSchema({ today, bookingHorizonDays: office.bookingHorizonDays }).safeParse(preferences);
  if (!parsed.success) {
    const [field, reasons] = Object.entries(fieldErrorsOf(parsed.error))[0];
    throw fieldError(field, reasons[0]);
  }
  return parsed.data;
}

/**
 * Puts a wish on an office's waiting list (or records a round's request), inside the caller's transaction: an
 * UNCONFIRMED wish that counts only once the citizen confirms it through the link, and the e-mail with that link.
 * Refuses an office without a waiting list (for WAITLIST wishes), a service the office does not offer, preferences
 * the wish schema refuses, and an address that already has as many open wishes as the office allows bookings.
 */
export async function insertWish(tx: Tx, input: CreateWishInput): Promise<CreatedWish> {
  const office = await tx.office.findFirst({ where: { id: input.officeId, active: true } });
  if (!office) throw new AppError("OFFICE_NOT_FOUND");
  if (input.source === "WAITLIST" && !office.waitlistEnabled) throw new AppError("WAITLIST_DISABLED");
  const offered = await tx.service.findFirst({
    where: { id: input.serviceId, officeId: office.id, active: true },
    ...serviceWithTranslations,
  });
  if (!offered) throw new AppError("SERVICE_NOT_FOUND");
  const service = withTexts(offered);
  if (!Number.isInteger(input.persons) || input.persons < 1 || input.persons > service.maxPersons) {
    throw fieldError("persons", "tooManyPersons");
  }

  const preferences = checkedWishPreferences(input.preferences, office, input.now);
  const today = localDateOf(input.now, office.timeZone);

  const email = input.person.email.trim().toLowerCase();
  if ((await openWishesOfMailbox(tx, office.id, email, today)) >= office.maxActiveBookingsPerEmail) {
    throw new AppError("TOO_MANY_WISHES");
  }

  const manageToken = createManageToken();
  const wish = await tx.wish.create({
    data: {
      officeId: office.id,
      serviceId: service.id,
      persons: input.persons,
      earliestDate: preferences.earliestDate,
      latestDate: preferences.latestDate,
      weekdays: formatWeekdays(preferences.weekdays),
      dayParts: formatDayParts(preferences.dayParts),
      source: input.source,
      status: "UNCONFIRMED",
      roundId: input.roundId ?? null,
      manageTokenHash: manageToken.hash,
      referenceCode: await uniqueReferenceCode(tx),
      locale: input.locale,
      givenName: input.person.givenName ?? null,
      familyName: input.person.familyName,
      ...emailColumns(email),
      phone: input.person.phone ?? null,
      dateOfBirth: input.person.dateOfBirth,
      // The personal-data step asks for it (services that ask); a caller may give it on its own.
      permitExpiresOn: input.permitExpiresOn ?? input.person.permitExpiresOn ?? null,
      identityHash: identityHashOf(input.person),
    },
  });
  await enqueueMail(tx, {
    template: "wish-confirmation",
    recipient: email,
    officeId: office.id,
    payload: wishMailPayload({ office, service, wish, manageUrl: wishManageUrl(manageToken.token, wish.locale) }),
  });
  return { wishId: wish.id, referenceCode: wish.referenceCode, token: manageToken.token };
}

/**
 * createWish as its own transaction (retried after a write conflict). Callers that must write the wish together
 * with something else (a receipt) call insertWish inside their transaction instead.
 */
export async function createWish(input: CreateWishInput & { db?: Db }): Promise<CreatedWish> {
  return retryingTransaction(input.db ?? getDb(), (tx) => insertWish(tx, input));
}
