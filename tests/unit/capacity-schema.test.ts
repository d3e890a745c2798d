import { fieldErrorsOf } from "@/lib/schemas/form-errors";
import {
  closeHolidaySchema,
  createBlockSchema,
  createClosureSchema,
  createOverrideSchema,
  deleteBlockSchema,
  formatTime,
  openHolidaySchema,
  parseTime,
  updateBlockSchema,
} from "@/lib/schemas/capacity";
import de from "@/lib/i18n/messages/de/capacity.json";

// The capacity forms and actions share these schemas; a forged post must fail here with a key the page can show.

const OFFICE = "cm0office00000000000000001";
const block = { officeId: OFFICE, weekdays: ["1"], start: "08:00", end: "12:00", clerks: "2", serviceIds: [], validFrom: "", validUntil: "" };

function errorsOf(schema: { safeParse(v: unknown): { success: boolean; error?: unknown } }, value: unknown) {
  const result = schema.safeParse(value);
  if (result.success) return {};
  return fieldErrorsOf(result.error as Parameters<typeof fieldErrorsOf>[0]);
}

describe("times", () => {
  it.each([
    ["00:00", 0],
    ["08:05", 485],
    ["23:55", 1435],
    ["24:00", 1440],
  ])("%s is minute %d and back", (text, minute) => {
    expect(parseTime(text)).toBe(minute);
    expect(formatTime(minute)).toBe(text);
  });

  it.each(["24:05", "25:00", "8:00", "08:60", "08:00:00", "", "-1:00", "0800"])("%p is not a time", (text) => {
    expect(parseTime(text)).toBeNull();
  });
});

describe("weekly block", () => {
  it("accepts form strings and gives minutes and numbers", () => {
    const parsed = createBlockSchema.parse({ ...block, serviceIds: ["b", "a", "a"], validFrom: "2027-03-01" });
    expect(parsed).toEqual({
      officeId: OFFICE,
      weekdays: [1],
      start: 480,
      end: 720,
      clerks: 2,
      urgentClerks: 0,
      serviceIds: ["a", "b"],
      appointmentKinds: [],
      validFrom: "2027-03-01",
      validUntil: null,
    });
  });

  it("limits clerks to kinds of appointment; none or all of them mean every kind", () => {
    const kinds = (appointmentKinds: unknown) => createBlockSchema.parse({ ...block, appointmentKinds }).appointmentKinds;
    expect(kinds(["VIDEO", "PHONE", "PHONE"])).toEqual(["PHONE", "VIDEO"]);
    expect(kinds(["IN_PERSON", "PHONE", "VIDEO"])).toEqual([]);
    expect(kinds(undefined)).toEqual([]);
    expect(createBlockSchema.safeParse({ ...block, appointmentKinds: ["FAX"] }).success).toBe(false);
  });

  it("keeps places for urgent cases: none when left empty, never more than the clerks", () => {
    expect(createBlockSchema.parse({ ...block, urgentClerks: "1" }).urgentClerks).toBe(1);
    expect(createBlockSchema.parse({ ...block, urgentClerks: "" }).urgentClerks).toBe(0);
    const errors = (urgentClerks: string) => createBlockSchema.safeParse({ ...block, urgentClerks }).error?.issues.map((i) => i.message);
    expect(errors("3")).toEqual(["urgentClerksMax"]);
    expect(errors("-1")).toEqual(["invalidUrgentClerks"]);
    expect(errors("1.5")).toEqual(["invalidUrgentClerks"]);
  });

  it("takes several weekdays at once, as the form posts them, each once and in order", () => {
    expect(createBlockSchema.parse({ ...block, weekdays: ["5", "1", "3", "3"] }).weekdays).toEqual([1, 3, 5]);
    expect(createBlockSchema.parse({ ...block, weekdays: ["1", "2", "3", "4", "5"] }).weekdays).toEqual([1, 2, 3, 4, 5]);
  });

  it("a block being changed keeps its one weekday", () => {
    const update = { ...block, weekdays: undefined, blockId: "cm0block", weekday: "3" };
    expect(updateBlockSchema.parse(update)).toMatchObject({ weekday: 3 });
    expect(errorsOf(updateBlockSchema, { ...update, weekday: "8" }).weekday).toEqual(["invalidWeekday"]);
  });

  it("accepts a block until midnight", () => {
    expect(createBlockSchema.parse({ ...block, start: "20:00", end: "24:00" }).end).toBe(1440);
  });

  const table: Array<[string, Record<string, unknown>, string, string]> = [
    ["negative clerks", { clerks: "-1" }, "clerks", "clerksMin"],
    ["no clerk", { clerks: "0" }, "clerks", "clerksMin"],
    ["too many clerks", { clerks: "51" }, "clerks", "clerksMax"],
    ["fractional clerks", { clerks: "1.5" }, "clerks", "invalidClerks"],
    ["clerks not a number", { clerks: "zwei" }, "clerks", "invalidClerks"],
    ["end before start", { start: "12:00", end: "08:00" }, "end", "endBeforeStart"],
    ["empty block", { start: "09:00", end: "09:00" }, "end", "endBeforeStart"],
    ["off the 5-minute grid", { start: "08:03" }, "start", "timeStep"],
    ["not a time", { start: "8 Uhr" }, "start", "invalidTime"],
    ["after midnight", { end: "24:30" }, "end", "invalidTime"],
    ["missing time", { start: "" }, "start", "required"],
    ["weekday 0", { weekdays: ["0"] }, "weekdays.0", "invalidWeekday"],
    ["weekday 8 among valid ones", { weekdays: ["1", "8"] }, "weekdays.1", "invalidWeekday"],
    ["no weekday chosen", { weekdays: [] }, "weekdays", "weekdaysRequired"],
    ["weekdays missing", { weekdays: undefined }, "weekdays", "weekdaysRequired"],
    ["weekdays not a list", { weekdays: "1" }, "weekdays", "weekdaysRequired"],
    ["more entries than a week has", { weekdays: ["1", "2", "3", "4", "5", "6", "7", "1"] }, "weekdays", "invalid"],
    ["validity backwards", { validFrom: "2027-04-01", validUntil: "2027-03-01" }, "validUntil", "validUntilBeforeFrom"],
    ["impossible date", { validFrom: "2027-02-30" }, "validFrom", "invalidDate"],
    ["forged office id", { officeId: "x'; DROP TABLE" }, "officeId", "invalid"],
    ["forged service id", { serviceIds: ["<script>"] }, "serviceIds.0", "invalid"],
    ["service ids not a list", { serviceIds: "abc" }, "serviceIds", "invalid"],
  ];

  it.each(table)("refuses %s", (_label, change, field, key) => {
    const errors = errorsOf(createBlockSchema, { ...block, ...change });
    expect(errors[field]).toContain(key);
  });

  it("has a German text for every key it can produce", () => {
    const keys = new Set(table.map(([, , , key]) => key));
    for (const key of [...keys, "required", "tooLong", "invalidText", "overlap", "unknownService", "notFound", "changedMeanwhile", "datePast", "notAHoliday", "validUntilPast", ...[1, 2, 3, 4, 5, 6, 7].map((d) => `overlapOn${d}`)]) {
      expect((de.validation as Record<string, string>)[key]).toEqual(expect.any(String));
    }
  });

  it("needs a reason when bookings are to be cancelled", () => {
    const update = { ...block, weekday: "1", blockId: "cm0block", officeId: undefined };
    expect(errorsOf(updateBlockSchema, { ...update, cancelBookingIds: ["b1"] }).cancelReason).toEqual(["required"]);
    expect(errorsOf(deleteBlockSchema, { blockId: "cm0block", cancelBookingIds: ["b1"], cancelReason: "  " }).cancelReason).toEqual(["required"]);
    expect(deleteBlockSchema.parse({ blockId: "cm0block", cancelBookingIds: ["b1"], cancelReason: "Krankheit" })).toMatchObject({
      cancelBookingIds: ["b1"],
    });
  });

  it("refuses a reason with line breaks or direction overrides", () => {
    expect(errorsOf(deleteBlockSchema, { blockId: "b", cancelBookingIds: [], cancelReason: "a\nb" }).cancelReason).toEqual(["invalidText"]);
    expect(errorsOf(deleteBlockSchema, { blockId: "b", cancelBookingIds: [], cancelReason: "a\u202eb" }).cancelReason).toEqual(["invalidText"]);
  });
});

describe("closure", () => {
  const closure = { officeId: OFFICE, date: "2027-03-10", start: "", end: "", reason: "Personalversammlung" };

  it("is a whole day without times", () => {
    expect(createClosureSchema.parse(closure)).toMatchObject({ start: null, end: null });
  });

  it("takes hours when both are given", () => {
    expect(createClosureSchema.parse({ ...closure, start: "10:00", end: "11:30" })).toMatchObject({ start: 600, end: 690 });
  });

  it.each([
    [{ start: "10:00" }, "end", "required"],
    [{ end: "10:00" }, "start", "required"],
    [{ start: "11:00", end: "10:00" }, "end", "endBeforeStart"],
    [{ reason: "" }, "reason", "required"],
    [{ reason: "x".repeat(201) }, "reason", "tooLong"],
    [{ date: "10.03.2027" }, "date", "invalidDate"],
  ])("refuses %o", (change, field, key) => {
    expect(errorsOf(createClosureSchema, { ...closure, ...change })[field]).toContain(key);
  });
});

describe("date override and holiday", () => {
  it("checks an override like a block", () => {
    const override = { officeId: OFFICE, date: "2027-03-10", start: "14:00", end: "16:00", clerks: "1" };
    expect(createOverrideSchema.parse(override)).toMatchObject({ start: 840, end: 960, clerks: 1, serviceIds: [], note: null });
    expect(errorsOf(createOverrideSchema, { ...override, clerks: "-3" }).clerks).toContain("clerksMin");
  });

  it("opens a holiday by office and date only", () => {
    expect(openHolidaySchema.parse({ officeId: OFFICE, date: "2027-03-26", name: "forged" })).toEqual({
      officeId: OFFICE,
      date: "2027-03-26",
    });
    expect(errorsOf(openHolidaySchema, { officeId: OFFICE, date: "26.03.2027" }).date).toContain("invalidDate");
  });

  it("closes a holiday again, cancelling only with a message for the citizens", () => {
    expect(closeHolidaySchema.parse({ officeId: OFFICE, date: "2027-03-26" })).toEqual({ officeId: OFFICE, date: "2027-03-26" });
    expect(errorsOf(closeHolidaySchema, { officeId: OFFICE, date: "2027-03-26", cancelBookingIds: ["b1"] }).cancelReason).toContain("required");
  });
});
