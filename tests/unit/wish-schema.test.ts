import { fieldErrorsOf } from "@/lib/schemas/form-errors";
import { WISH_DAYS_BEYOND_HORIZON, wishDateBounds, wishPreferencesFromForm, wishPreferencesSchema } from "@/lib/schemas/wish";

// Today is Monday 1 March 2027 at the office; its horizon is 90 days.
const schema = wishPreferencesSchema({ today: "2027-03-01", bookingHorizonDays: 90 });
const valid = { earliestDate: "2027-03-01", latestDate: "2027-06-30", weekdays: ["1", "3"], dayParts: ["MORNING"] };

function errors(input: Record<string, unknown>) {
  const result = schema.safeParse(input);
  return result.success ? {} : fieldErrorsOf(result.error);
}

describe("the wish form's schema", () => {
  it("accepts a wish and gives weekdays and parts of the day in order, each once", () => {
    const parsed = schema.parse({ ...valid, weekdays: ["5", "1", "5"], dayParts: ["AFTERNOON", "MORNING"] });
    expect(parsed).toEqual({ earliestDate: "2027-03-01", latestDate: "2027-06-30", weekdays: [1, 5], dayParts: ["MORNING", "AFTERNOON"] });
    // The API sends numbers; one checkbox posts a single value.
    expect(schema.parse({ ...valid, weekdays: [2, 4], dayParts: "AFTERNOON" })).toMatchObject({ weekdays: [2, 4], dayParts: ["AFTERNOON"] });
  });

  it("names the missing field", () => {
    expect(errors({})).toEqual({
      earliestDate: ["earliestDateRequired"],
      latestDate: ["latestDateRequired"],
      weekdays: ["weekdaysRequired"],
      dayParts: ["dayPartsRequired"],
    });
    expect(errors({ ...valid, earliestDate: "  " })).toEqual({ earliestDate: ["earliestDateRequired"] });
    // react-hook-form gives a checkbox group with none ticked as false.
    expect(errors({ ...valid, weekdays: false, dayParts: "" })).toEqual({ weekdays: ["weekdaysRequired"], dayParts: ["dayPartsRequired"] });
  });

  it("refuses dates that do not exist, in the past, before the earliest or too far ahead", () => {
    expect(errors({ ...valid, earliestDate: "2027-02-30" })).toEqual({ earliestDate: ["earliestDateInvalid"] });
    expect(errors({ ...valid, latestDate: "30.06.2027" })).toEqual({ latestDate: ["latestDateInvalid"] });
    expect(errors({ ...valid, earliestDate: "2027-02-28" })).toEqual({ earliestDate: ["earliestDatePast"] });
    expect(errors({ ...valid, earliestDate: "2027-04-01", latestDate: "2027-03-31" })).toEqual({ latestDate: ["latestBeforeEarliest"] });
    // One day is enough: earliest and latest the same date.
    expect(errors({ ...valid, earliestDate: "2027-03-31", latestDate: "2027-03-31" })).toEqual({});
    const { last } = wishDateBounds("2027-03-01", 90);
    expect(last).toBe("2027-11-29");
    expect(90 + WISH_DAYS_BEYOND_HORIZON).toBe(273);
    expect(errors({ ...valid, latestDate: last })).toEqual({});
    expect(errors({ ...valid, latestDate: "2027-11-30" })).toEqual({ latestDate: ["latestTooFar"] });
  });

  it("refuses unknown weekdays and parts of the day", () => {
    expect(errors({ ...valid, weekdays: ["0"] })).toEqual({ weekdays: ["weekdaysInvalid"] });
    expect(errors({ ...valid, weekdays: ["8", "1"] })).toEqual({ weekdays: ["weekdaysInvalid"] });
    expect(errors({ ...valid, dayParts: ["EVENING"] })).toEqual({ dayParts: ["dayPartsInvalid"] });
    expect(errors({ ...valid, dayParts: [{}] })).toEqual({ dayParts: ["dayPartsInvalid"] });
  });

  it("reads the form as posted", () => {
    const form = new FormData();
    form.set("earliestDate", "2027-03-02");
    form.set("latestDate", "2027-03-31");
    form.append("weekdays", "2");
    form.append("weekdays", "3");
    form.append("dayParts", "MORNING");
    expect(schema.parse(wishPreferencesFromForm(form))).toEqual({
      earliestDate: "2027-03-02",
      latestDate: "2027-03-31",
      weekdays: [2, 3],
      dayParts: ["MORNING"],
    });
  });
});
