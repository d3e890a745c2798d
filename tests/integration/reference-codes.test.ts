import * as crypto from "node:crypto";
import { referenceCodeFrom } from "@/lib/domain";
import { uniqueReferenceCode } from "@/lib/server/services/insert-booking";
import { describeEachDatabase } from "../helpers/databases";
import { eachTestOnEmptyDatabase } from "../helpers/integration/database";
import { insertWish } from "../helpers/integration/waitlist-rows";
import { createOfficeFixture } from "../helpers/office-fixture";

// The random bytes a code is drawn from, replaceable per call: a drawn code can be made to collide on purpose.
jest.mock("node:crypto", () => {
  const actual = jest.requireActual<typeof import("node:crypto")>("node:crypto");
  return { ...actual, randomBytes: jest.fn(actual.randomBytes) };
});
const randomBytes = crypto.randomBytes as unknown as jest.Mock;

// Citizens and staff look up bookings and wishes by their reference code, so one code never names both: a code
// already taken by a booking or by a wish is drawn again, whichever of the two is being written.

const TAKEN = Buffer.alloc(8, 7);
const FREE = Buffer.alloc(8, 9);

describeEachDatabase("reference codes", (ctx) => {
  let ids: { officeId: string; serviceId: string };
  eachTestOnEmptyDatabase(ctx, async (db) => {
    const { office, service } = await createOfficeFixture(db);
    ids = { officeId: office.id, serviceId: service.id };
  });

  it("draws again when a wish already has the code", async () => {
    const wish = await insertWish(ctx.db, { ...ids, earliestDate: "2027-03-08", latestDate: "2027-03-31" });
    await ctx.db.wish.update({ where: { id: wish.id }, data: { referenceCode: referenceCodeFrom(TAKEN) } });
    randomBytes.mockReturnValueOnce(TAKEN).mockReturnValueOnce(FREE);
    expect(await ctx.db.$transaction((tx) => uniqueReferenceCode(tx))).toBe(referenceCodeFrom(FREE));
  });

  it("draws again when a booking already has the code", async () => {
    await ctx.db.booking.create({
      data: {
        ...ids,
        startsAt: new Date("2027-03-08T08:00:00Z"),
        endsAt: new Date("2027-03-08T08:30:00Z"),
        persons: 1,
        status: "CONFIRMED",
        referenceCode: referenceCodeFrom(TAKEN),
        manageTokenHash: "hash-of-a-booking",
      },
    });
    randomBytes.mockReturnValueOnce(TAKEN).mockReturnValueOnce(FREE);
    expect(await ctx.db.$transaction((tx) => uniqueReferenceCode(tx))).toBe(referenceCodeFrom(FREE));
  });
});
