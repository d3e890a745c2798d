import { fieldErrorsOf } from "@/lib/schemas/form-errors";
import {
  cancelSchema,
  moveSchema,
  onBehalfFromForm,
  onBehalfSchema,
  queryDate,
  queryPage,
  queryPersons,
  querySearch,
  querySlug,
  staffBackPath,
  statusChangeSchema,
  withOutcome,
} from "@/lib/schemas/staff-booking";

const schema = onBehalfSchema({ maxPersons: 3, today: "2027-03-01" });
const valid = {
  service: "beratung",
  persons: "2",
  start: "2027-03-01T08:00:00.000Z",
  channel: "PHONE",
  givenName: "Jana",
  familyName: "Anrufer",
  email: "",
  phone: "",
  dateOfBirth: "",
  remark: "",
};

function errorsOf(input: Record<string, unknown>) {
  const r = schema.safeParse(input);
  return r.success ? {} : fieldErrorsOf(r.error);
}

describe("booking on behalf: form schema", () => {
  it("needs only service, time, channel and family name; given name, e-mail, phone and date of birth are optional", () => {
    expect(schema.parse({ ...valid, givenName: "" }).givenName).toBeUndefined();
    const r = schema.parse(valid);
    expect(r).toMatchObject({ service: "beratung", persons: 2, channel: "PHONE", givenName: "Jana" });
    expect(r.email).toBeUndefined();
    expect(r.dateOfBirth).toBeUndefined();
    expect(r.phone).toBeUndefined();
  });

  it("checks the optional fields when given", () => {
    expect(errorsOf({ ...valid, email: "kein-at" })).toEqual({ email: ["invalidEmail"] });
    expect(errorsOf({ ...valid, dateOfBirth: "2030-01-01" })).toEqual({ dateOfBirth: ["dateOfBirthFuture"] });
    expect(errorsOf({ ...valid, dateOfBirth: "2027-02-30" })).toEqual({ dateOfBirth: ["dateOfBirthNoFebruaryThirtieth"] });
    expect(errorsOf({ ...valid, phone: "abc" }).phone?.[0]).toBe("invalidPhone");
  });

  it("refuses hostile and malformed input with translation keys", () => {
    expect(errorsOf({ ...valid, channel: "ONLINE" })).toEqual({ channel: ["invalidChannel"] });
    expect(errorsOf({ ...valid, service: "../admin" })).toEqual({ service: ["invalidService"] });
    expect(errorsOf({ ...valid, service: "" })).toEqual({ service: ["invalidService"] });
    expect(errorsOf({ ...valid, persons: "4" })).toEqual({ persons: ["tooManyPersons"] });
    expect(errorsOf({ ...valid, start: "morgen" })).toEqual({ start: ["invalidSlot"] });
    expect(errorsOf({ ...valid, givenName: "<script>" })).toEqual({ givenName: ["givenNameInvalid"] });
    expect(errorsOf({ ...valid, familyName: "" }).familyName?.[0]).toBe("familyNameRequired");
    expect(errorsOf({ ...valid, remark: "a\u0000b" })).toEqual({ remark: ["remarkInvalid"] });
  });

  it("reads a posted form", () => {
    const form = new FormData();
    for (const [k, v] of Object.entries(valid)) form.set(k, v);
    expect(schema.safeParse(onBehalfFromForm(form)).success).toBe(true);
    expect(onBehalfFromForm(new FormData())).toMatchObject({ service: "", persons: "1" });
  });
});

describe("status, cancel and move forms", () => {
  it("accepts known actions on well-formed ids only", () => {
    expect(statusChangeSchema.safeParse({ bookingId: "cm0abc123", action: "arrive" }).success).toBe(true);
    expect(statusChangeSchema.safeParse({ bookingId: "cm0abc123", action: "delete" }).success).toBe(false);
    expect(statusChangeSchema.safeParse({ bookingId: "' OR 1=1", action: "arrive" }).success).toBe(false);
    expect(statusChangeSchema.safeParse({ bookingId: "x".repeat(65), action: "arrive" }).success).toBe(false);
  });

  it("needs a readable reason to cancel", () => {
    const errors = (reason: unknown) => {
      const r = cancelSchema.safeParse({ bookingId: "cm0abc123", reason });
      return r.success ? null : fieldErrorsOf(r.error).reason;
    };
    expect(errors("Wasserschaden im Gebäude")).toBeNull();
    expect(errors("Zeile eins\nZeile zwei")).toBeNull();
    expect(errors(undefined)).toEqual(["reasonRequired"]);
    expect(errors("   ")).toEqual(["reasonRequired"]);
    expect(errors("ab")).toEqual(["reasonTooShort"]);
    expect(errors("x".repeat(501))).toEqual(["tooLong"]);
    expect(errors("a\u0007bc")).toEqual(["invalid"]);
  });

  it("needs an ISO instant to move", () => {
    expect(moveSchema.safeParse({ bookingId: "cm0abc123", start: "2027-03-01T08:00:00.000Z" }).success).toBe(true);
    expect(moveSchema.safeParse({ bookingId: "cm0abc123", start: "2027-03-01 09:00" }).success).toBe(false);
  });
});

describe("query strings", () => {
  it("ignores malformed values", () => {
    expect(queryDate("2027-03-01")).toBe("2027-03-01");
    expect(queryDate("2027-02-30")).toBeUndefined();
    expect(queryDate(["2027-03-01"])).toBeUndefined();
    expect(querySlug("beratung")).toBe("beratung");
    expect(querySlug("Beratung; DROP")).toBeUndefined();
    expect(querySearch("  Müller\u0000 ")).toBe("Müller");
    expect(querySearch("x".repeat(500))).toHaveLength(100);
    expect(querySearch("   ")).toBeUndefined();
    expect(queryPage("3")).toBe(3);
    expect(queryPage("0")).toBe(1);
    expect(queryPage("-1")).toBe(1);
    expect(queryPage("1e9")).toBe(1);
    expect(queryPersons("2")).toBe(2);
    expect(queryPersons("0")).toBeUndefined();
  });
});

describe("return paths of staff forms", () => {
  it.each([
    ["/staff/auslaenderbehoerde?tag=2027-03-01&leistung=beratung", "/staff/auslaenderbehoerde?tag=2027-03-01&leistung=beratung"],
    ["/staff/amt-a/termine/cm0abc123", "/staff/amt-a/termine/cm0abc123"],
    ["/staff/amt-a?suche=M%C3%BCller", "/staff/amt-a?suche=M%C3%BCller"],
    ["https://evil.example/staff/amt-a", "/staff"],
    ["//evil.example/staff/amt-a", "/staff"],
    ["/staff/../admin", "/staff"],
    ["/staff/amt-a/../../x", "/staff"],
    ["/staff/amt-a\\n", "/staff"],
    ["/public", "/staff"],
    ["javascript:alert(1)", "/staff"],
    [undefined, "/staff"],
  ])("%s -> %s", (input, expected) => {
    expect(staffBackPath(input)).toBe(expected);
  });

  it("replaces an earlier outcome and keeps the filters", () => {
    expect(withOutcome("/staff/amt-a?tag=2027-03-01&fehler=SLOT_TAKEN", { erfolg: "arrive", termin: "b1" }, "termin-b1")).toBe(
      "/staff/amt-a?tag=2027-03-01&erfolg=arrive&termin=b1#termin-b1",
    );
    expect(withOutcome("/staff/amt-a", { fehler: "FORBIDDEN" })).toBe("/staff/amt-a?fehler=FORBIDDEN");
  });
});
