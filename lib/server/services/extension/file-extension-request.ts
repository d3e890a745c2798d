import { addDays, localDateOf } from "@/lib/domain";
import { citizenAccess } from "@/lib/domain/access";
import { DAY_PARTS, WEEKDAYS } from "@/lib/domain/waitlist";
import type { PersonalData } from "@/lib/schemas/booking";
import type { Db } from "@/lib/server/db/client";
import { retryingTransaction } from "@/lib/server/db/transaction";
import { AppError } from "@/lib/server/errors";
import { signStatement } from "@/lib/server/security/receipt-signing";
import { nextFreeSlotOf } from "../list-slots";
import { getActiveOfficeAndService } from "../office-catalog";
import { insertWish } from "../waitlist/create-wish";

export interface FileExtensionRequestInput {
  officeSlug: string;
  serviceSlug: string;
  persons: number;
  person: PersonalData;
  locale: string;
  now: Date;
}

export interface FiledExtensionRequest {
  number: string;
  /** The wish's manage token: it opens the receipt's page and the wish's page. Shown once; only its hash is stored. */
  token: string;
}

/**
 * Whether the stated permit runs out before the next free time (for this citizen's access), or there is none: the
 * slot page then says so plainly.
 */
export function permitExpiresFirst(
  permitExpiresOn: string | undefined,
  next: { start: Date } | null,
  timeZone: string,
): permitExpiresOn is string {
  if (!permitExpiresOn) return false;
  return next === null || localDateOf(next.start, timeZone) > permitExpiresOn;
}

/**
 * Whether a citizen with this permit expiry is offered to file the extension request now: the office offers it, the
 * service asks for the expiry, and the permit runs out first (permitExpiresFirst). The slot page asks this to show
 * the offer, the action again before filing.
 */
export function extensionRequestOffered(
  office: { extensionRequestsEnabled: boolean; timeZone: string },
  service: { asksPermitExpiry: boolean },
  permitExpiresOn: string | undefined,
  next: { start: Date } | null,
): boolean {
  return office.extensionRequestsEnabled && service.asksPermitExpiry && permitExpiresFirst(permitExpiresOn, next, office.timeZone);
}

/**
 * Files an extension request before the permit runs out: in one transaction, an EXTENSION wish on the waiting list
 * (urgent through its permit expiry; unconfirmed until the e-mail link is confirmed, like every wish) and the receipt,
 * whose statement is signed now with the time of filing. What the receipt proves is the office's call: it carries
 * the office's configured text, nothing more.
 */
export async function fileExtensionRequest(db: Db, input: FileExtensionRequestInput): Promise<FiledExtensionRequest> {
  const { office, service } = await getActiveOfficeAndService(db, input.officeSlug, input.serviceSlug);
  const permitExpiresOn = input.person.permitExpiresOn;
  const access = citizenAccess(office, service, permitExpiresOn, input.now);
  const { slot: next } = await nextFreeSlotOf(db, { office, service }, { persons: input.persons, now: input.now, access });
  if (!extensionRequestOffered(office, service, permitExpiresOn, next)) throw new AppError("INVALID_INPUT");

  const today = localDateOf(input.now, office.timeZone);
  return retryingTransaction(db, async (tx) => {
    const wish = await insertWish(tx, {
      officeId: office.id,
      serviceId: service.id,
      persons: input.persons,
      person: input.person,
      permitExpiresOn,
      // Any time from today to the horizon: the earliest appointment is what the person needs.
      preferences: { earliestDate: today, latestDate: addDays(today, office.bookingHorizonDays), weekdays: WEEKDAYS, dayParts: DAY_PARTS },
      locale: input.locale,
      source: "EXTENSION",
      now: input.now,
    });
    const signed = signStatement({
      v: 1,
      number: wish.referenceCode,
      office: office.name,
      authority: office.authority,
      service: service.name,
      filedAt: input.now.toISOString(),
      timeZone: office.timeZone,
      givenName: input.person.givenName ?? null,
      familyName: input.person.familyName,
      dateOfBirth: input.person.dateOfBirth,
      permitExpiresOn: permitExpiresOn ?? null,
      note: office.extensionReceiptNote,
    });
    await tx.extensionReceipt.create({
      data: {
        number: wish.referenceCode,
        officeId: office.id,
        wishId: wish.wishId,
        filedAt: input.now,
        payload: signed.payload,
        signature: signed.signature,
        keyId: signed.keyId,
      },
    });
    return { number: wish.referenceCode, token: wish.token };
  });
}
