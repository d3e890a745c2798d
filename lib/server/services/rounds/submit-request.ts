import type { PersonalData } from "@/lib/schemas/booking";
import type { Db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { type CreatedWish, createWish, type WishPreferencesValue } from "../waitlist/create-wish";

/**
 * A citizen's request in a release round: a wish with source ROUND on the waiting list (createWish: unconfirmed,
 * with the confirmation e-mail), accepted only while the round's window is open and for a service the round
 * releases. It counts in the draw only once confirmed before the close; after the draw it waits like any wish.
 */
export async function submitRoundRequest(
  db: Db,
  input: {
    roundId: string;
    serviceId: string;
    persons: number;
    person: PersonalData;
    permitExpiresOn?: string;
    preferences: WishPreferencesValue;
    locale: string;
    now: Date;
  },
): Promise<CreatedWish> {
  const round = await db.releaseRound.findUnique({ where: { id: input.roundId } });
  const service = await db.service.findUnique({ where: { id: input.serviceId } });
  const covers =
    round &&
    service &&
    service.officeId === round.officeId &&
    service.releaseMode === "ROUNDS" &&
    (round.serviceId === null || round.serviceId === service.id);
  if (!covers || round.drawnAt || input.now < round.opensAt || input.now >= round.closesAt) throw new AppError("ROUND_NOT_OPEN");
  return createWish({
    db,
    officeId: round.officeId,
    serviceId: service.id,
    persons: input.persons,
    person: input.person,
    permitExpiresOn: input.permitExpiresOn,
    preferences: input.preferences,
    locale: input.locale,
    source: "ROUND",
    roundId: round.id,
    now: input.now,
  });
}
