import { createBooking } from "@/lib/server/services/create-booking";
import { fileExtensionRequest } from "@/lib/server/services/extension/file-extension-request";
import { checkReceiptCode, getReceiptByWishToken } from "@/lib/server/services/extension/get-receipt";
import { receiptPdf } from "@/lib/server/services/extension/receipt-pdf";
import { listFreeSlots } from "@/lib/server/services/list-slots";
import { bookOnBehalf } from "@/lib/server/services/staff/book-on-behalf";
import { receiptCode, verifyReceiptCode } from "@/lib/server/security/receipt-signing";
import { codeOf } from "../helpers/app-error-code";
import { describeEachDatabase } from "../helpers/databases";
import { citizenBooking } from "../helpers/integration/bookings";
import { eachTestOnEmptyDatabase } from "../helpers/integration/database";
import { staff } from "../helpers/integration/staff";
import { at, createOfficeFixture, person } from "../helpers/office-fixture";

// Given an office open Mondays 08:00-12:00 with two clerks, one of whose places is kept for urgent cases until 48
// hours before the appointment, and a residence-permit service that asks for the permit's expiry (urgent within 28
// days). Now is Monday 1 March 2027, 07:00; the Monday a week later is the day booked.
const TODAY = "2027-03-01";
const NOW = at(TODAY, "07:00");
const DAY = "2027-03-08";
const NINE = at(DAY, "09:00");
const URGENT_EXPIRY = "2027-03-20";
const LATER_EXPIRY = "2027-09-30";

const booking = (n: number, permitExpiresOn?: string, now = NOW) =>
  citizenBooking({ start: NINE, now, person: { ...person(n), ...(permitExpiresOn ? { permitExpiresOn } : {}) } }, n);

const listedAtNine = async (db: Parameters<typeof listFreeSlots>[0], permitExpiresOn?: string, now = NOW) => {
  const { slots } = await listFreeSlots(db, { ...booking(9, permitExpiresOn, now), permitExpiresOn, from: DAY, to: DAY });
  return slots.some((s) => s.start.getTime() === NINE.getTime());
};

describeEachDatabase("urgent places and extension receipts", (ctx) => {
  eachTestOnEmptyDatabase(ctx, async (db) => {
    const { office, service } = await createOfficeFixture(db);
    await db.capacityBlock.updateMany({ where: { officeId: office.id }, data: { urgentClerks: 1 } });
    await db.office.update({
      where: { id: office.id },
      data: {
        urgentWithinDays: 28,
        urgentReleaseHours: 48,
        extensionRequestsEnabled: true,
        extensionReceiptNote: "Der Antrag gilt als gestellt.",
      },
    });
    await db.service.update({ where: { id: service.id }, data: { asksPermitExpiry: true } });
  });

  it("keeps the place from the public: the second public citizen is refused and not shown the time", async () => {
    await createBooking(ctx.db, booking(1));
    expect(await listedAtNine(ctx.db)).toBe(false);
    expect(await codeOf(createBooking(ctx.db, booking(2)))).toBe("SLOT_TAKEN");
    // A permit that runs out in half a year is not urgent.
    expect(await codeOf(createBooking(ctx.db, booking(3, LATER_EXPIRY)))).toBe("SLOT_TAKEN");
    expect(await ctx.db.booking.count()).toBe(1);
  });

  it("gives the kept place to an urgent citizen, and stores the booking as urgent with the expiry", async () => {
    await createBooking(ctx.db, booking(1));
    expect(await listedAtNine(ctx.db, URGENT_EXPIRY)).toBe(true);
    const urgent = await createBooking(ctx.db, booking(2, URGENT_EXPIRY));
    const row = await ctx.db.booking.findUniqueOrThrow({ where: { id: urgent.id } });
    expect(row).toMatchObject({ urgent: true, permitExpiresOn: URGENT_EXPIRY });
    expect(await listedAtNine(ctx.db, URGENT_EXPIRY)).toBe(false);
  });

  it("fills the kept place with an urgent booking first, leaving the open place to the public", async () => {
    await createBooking(ctx.db, booking(1, URGENT_EXPIRY));
    expect(await listedAtNine(ctx.db)).toBe(true);
    const publicOne = await createBooking(ctx.db, booking(2));
    expect((await ctx.db.booking.findUniqueOrThrow({ where: { id: publicOne.id } })).urgent).toBe(false);
  });

  it("lets staff booking on behalf use the kept place", async () => {
    await createBooking(ctx.db, booking(1));
    const office = await ctx.db.office.findFirstOrThrow();
    const clerk = await staff(ctx.db, "CLERK", [office.id]);
    const onBehalf = { officeSlug: "testamt", serviceSlug: "beratung", start: NINE, persons: 1, channel: "PHONE" as const, person: { familyName: "Anrufer" } };
    expect(await codeOf(bookOnBehalf(ctx.db, clerk, onBehalf, NOW))).toBe("OK");
    expect(await ctx.db.booking.count()).toBe(2);
  });

  it("releases the kept place to everyone once the start is less than 48 hours ahead", async () => {
    await createBooking(ctx.db, booking(1));
    const exactly48 = at("2027-03-06", "09:00");
    expect(await listedAtNine(ctx.db, undefined, exactly48)).toBe(false);
    expect(await codeOf(createBooking(ctx.db, booking(2, undefined, exactly48)))).toBe("SLOT_TAKEN");
    const released = at("2027-03-06", "09:01");
    expect(await listedAtNine(ctx.db, undefined, released)).toBe(true);
    const late = await createBooking(ctx.db, booking(2, undefined, released));
    expect((await ctx.db.booking.findUniqueOrThrow({ where: { id: late.id } })).urgent).toBe(false);
  });

  it("files an extension request: an EXTENSION wish and a signed receipt in one go", async () => {
    // The permit ran out already; the next free time (today) lies after it.
    const filed = await fileExtensionRequest(ctx.db, {
      officeSlug: "testamt",
      serviceSlug: "beratung",
      persons: 1,
      person: { ...person(1), permitExpiresOn: "2027-02-20" },
      locale: "de",
      now: NOW,
    });
    const wish = await ctx.db.wish.findFirstOrThrow({ include: { receipt: true } });
    expect(wish).toMatchObject({ source: "EXTENSION", status: "UNCONFIRMED", permitExpiresOn: "2027-02-20", referenceCode: filed.number });
    expect(wish.receipt).toMatchObject({ number: filed.number, filedAt: NOW });
    expect(await ctx.db.outboxMessage.count({ where: { template: "wish-confirmation" } })).toBe(1);

    const receipt = (await getReceiptByWishToken(ctx.db, filed.token))!;
    expect(receipt.statement).toMatchObject({
      number: filed.number,
      filedAt: NOW.toISOString(),
      familyName: "Beispiel 1",
      permitExpiresOn: "2027-02-20",
      note: "Der Antrag gilt als gestellt.",
    });
    expect(receipt.code).toBe(receiptCode(wish.receipt!));
    expect(verifyReceiptCode(receipt.code)).toEqual({ genuine: true, statement: receipt.statement });
    expect(await checkReceiptCode(ctx.db, receipt.code)).toEqual({ genuine: true, statement: receipt.statement, withdrawn: false });

    // Tampered: another name under the same signature, a changed signature, or garbage.
    const [payload, signature] = receipt.code.split(".");
    const forgedPayload = Buffer.from(
      Buffer.from(payload, "base64url").toString("utf8").replace("Beispiel 1", "Beispiel 2"),
    ).toString("base64url");
    const flipped = `${signature.slice(0, 10)}${signature[10] === "A" ? "B" : "A"}${signature.slice(11)}`;
    for (const code of [`${forgedPayload}.${signature}`, `${payload}.${flipped}`, "abc.def", "", `${payload}`]) {
      expect(verifyReceiptCode(code)).toEqual({ genuine: false });
    }

    // Withdrawn since: still genuine, and said so.
    await ctx.db.wish.update({ where: { id: wish.id }, data: { status: "WITHDRAWN" } });
    expect(await checkReceiptCode(ctx.db, receipt.code)).toMatchObject({ genuine: true, withdrawn: true });

    const pdf = Buffer.from(await receiptPdf(receipt.statement, receipt.code));
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("refuses an extension request the office does not offer or that is not needed, writing nothing", async () => {
    const request = (permitExpiresOn: string) =>
      fileExtensionRequest(ctx.db, {
        officeSlug: "testamt",
        serviceSlug: "beratung",
        persons: 1,
        person: { ...person(1), permitExpiresOn },
        locale: "de",
        now: NOW,
      });
    // The next free time comes before this expiry.
    expect(await codeOf(request(URGENT_EXPIRY))).toBe("INVALID_INPUT");
    await ctx.db.office.updateMany({ data: { extensionRequestsEnabled: false } });
    expect(await codeOf(request("2027-02-20"))).toBe("INVALID_INPUT");
    expect(await ctx.db.wish.count()).toBe(0);
    expect(await ctx.db.extensionReceipt.count()).toBe(0);
  });
});
