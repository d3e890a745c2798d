import type { Db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { type CreatedWish, type CreateWishInput, createWish } from "../waitlist/create-wish";

/**
 * A citizen's request in a release round: a wish with source ROUND on the waiting list (createWish: unconfirmed,
 * with the confirmation e-mail), accepted only while the round's window is open and for a service the round
 * releases. It counts in the draw only once confirmed before the close; after the draw it waits like any wish.
 */
export async function submitRoundRequest(
  db: Db,
  input: Omit<CreateWishInput, "officeId" | "source" | "roundId"> & { roundId: string },
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
  return createWish({ ...input, db, officeId: round.officeId, source: "ROUND" });
}
