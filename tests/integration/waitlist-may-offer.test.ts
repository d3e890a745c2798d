import { waitingListMayOffer } from "@/lib/server/services/waitlist/offer-freed-time";
import { describeEachDatabase } from "../helpers/databases";
import { eachTestOnEmptyDatabase } from "../helpers/integration/database";
import { bookOnline } from "../helpers/integration/bookings";
import { at, createOfficeFixture } from "../helpers/office-fixture";

// The check a public booking makes before its day lock: may the waiting list take the time first? It must say yes
// whenever offerFreedTime could do anything (a due offer to expire, a wish that may receive an offer), or the
// booking would take a time the waiting list was owed.

process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";

const MONDAY = "2027-03-01";
const NOW = at("2027-02-26", "07:00");

describeEachDatabase("waiting list check before a booking", (ctx) => {
  let officeId: string;
  let serviceId: string;
  eachTestOnEmptyDatabase(ctx, async (db) => {
    const { office, service } = await createOfficeFixture(db);
    officeId = office.id;
    serviceId = service.id;
  });

  let n = 0;
  const wish = (data: { status?: "ACTIVE" | "UNCONFIRMED" | "WITHDRAWN" | "BOOKED"; earliestDate?: string; latestDate?: string; openOfferId?: string }) =>
    ctx.db.wish.create({
      data: {
        officeId,
        serviceId,
        earliestDate: "2027-03-01",
        latestDate: "2027-03-05",
        weekdays: "1,2,3,4,5",
        dayParts: "MORNING,AFTERNOON",
        status: "ACTIVE",
        manageTokenHash: `hash-${++n}`,
        referenceCode: `WISH${n}`,
        ...data,
      },
    });
  const mayOffer = (dates: string[] = [MONDAY]) => waitingListMayOffer(ctx.db, officeId, dates, NOW);

  it("says no without wishes and offers", async () => {
    expect(await mayOffer()).toBe(false);
  });

  it("says yes for a confirmed wish without an offer whose dates include the day, and only then", async () => {
    await wish({ status: "UNCONFIRMED" });
    await wish({ earliestDate: "2027-03-02" });
    await wish({ latestDate: "2027-02-28", earliestDate: "2027-02-22" });
    await wish({ status: "WITHDRAWN" });
    await wish({ openOfferId: "offer-elsewhere" });
    expect(await mayOffer()).toBe(false);
    // A booking that crosses midnight locks two dates: the later one counts too.
    expect(await mayOffer(["2027-03-02", MONDAY])).toBe(true);
    await wish({ earliestDate: MONDAY, latestDate: MONDAY });
    expect(await mayOffer()).toBe(true);
  });

  it("says yes for an open offer past its deadline (to expire), not for one still running or decided", async () => {
    const w = await wish({ status: "WITHDRAWN" });
    const offer = (deadline: Date, outcome: "OPEN" | "DECLINED") =>
      bookOnline(ctx.db, { start: at(MONDAY, outcome === "OPEN" ? "08:00" : "09:00"), now: NOW }, ++n).then((b) =>
        ctx.db.wishOffer.create({
          data: { wishId: w.id, officeId, bookingId: b.id, startsAt: b.startsAt, offeredAt: NOW, deadline, outcome },
        }),
      );
    const running = await offer(new Date(NOW.getTime() + 60_000), "OPEN");
    await offer(new Date(NOW.getTime() - 60_000), "DECLINED");
    expect(await mayOffer()).toBe(false);
    await ctx.db.wishOffer.update({ where: { id: running.id }, data: { deadline: NOW } });
    expect(await mayOffer()).toBe(true);
  });
});
