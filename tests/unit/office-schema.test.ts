import fs from "node:fs";
import path from "node:path";
import { NEW_OFFICE_VALUES } from "@/components/admin/form-values";
import { DEFAULT_STATUS_CORRECTION_DAYS, MAX_STATUS_CORRECTION_DAYS } from "@/lib/domain/booking-status";
import deAdmin from "@/lib/i18n/messages/de/admin.json";
import { fieldErrorsOf } from "@/lib/schemas/form-errors";
import { OFFICE_FIELDS, OFFICE_LIMITS, officeSettingsSchema, serviceFromForm, serviceSchema } from "@/lib/schemas/office";

// The office settings form: the correction window as the administration enters it.

/** Every field as a browser posts the form for a new office. */
const form: Record<string, string> = {
  ...NEW_OFFICE_VALUES,
  name: "Bürgerbüro",
  authority: "Stadt Teststadt",
  street: "Rathausplatz 2",
  postalCode: "12345",
  locality: "Teststadt",
};

function correctionOf(value: string) {
  const r = officeSettingsSchema.safeParse({ ...form, statusCorrectionDays: value });
  return r.success ? r.data.statusCorrectionDays : fieldErrorsOf(r.error);
}

describe("office settings: days for corrections", () => {
  it("accepts whole days from 0 (the day itself only) to 13", () => {
    expect(OFFICE_LIMITS.statusCorrectionDays).toEqual([0, 13]);
    expect(MAX_STATUS_CORRECTION_DAYS).toBe(13);
    for (const days of [0, 1, 7, 13]) expect(correctionOf(String(days))).toBe(days);
    expect(correctionOf(" 5 ")).toBe(5);
  });

  it.each(["14", "-1", "2.5", "1e3", "sieben", ""])("refuses %p with the field's message", (value) => {
    expect(correctionOf(value)).toEqual({ statusCorrectionDays: ["invalidStatusCorrection"] });
  });

  it("an emptied number field is refused rather than read as 0", () => {
    const r = officeSettingsSchema.safeParse({ ...form, reminderHours: " ", minNoticeMinutes: "" });
    expect(r.success ? r.data : fieldErrorsOf(r.error)).toEqual({ reminderHours: ["invalidReminder"], minNoticeMinutes: ["invalidNotice"] });
  });

  it("is missing from no form: posted, labelled, explained and with a German message naming the bounds", () => {
    expect(OFFICE_FIELDS).toContain("statusCorrectionDays");
    expect(officeSettingsSchema.safeParse({ ...form, statusCorrectionDays: undefined }).success).toBe(false);
    expect(deAdmin.office.fields.statusCorrectionDays).toBeTruthy();
    expect(deAdmin.office.fields.statusCorrectionDaysHint).toContain(`0 bis ${MAX_STATUS_CORRECTION_DAYS}`);
    expect(deAdmin.validation.invalidStatusCorrection).toContain(`0 bis ${MAX_STATUS_CORRECTION_DAYS}`);
  });

  it("starts a new office with the domain's default, which both database schemas store for existing offices", () => {
    expect(NEW_OFFICE_VALUES.statusCorrectionDays).toBe(String(DEFAULT_STATUS_CORRECTION_DAYS));
    for (const provider of ["sqlite", "postgresql"]) {
      const schema = fs.readFileSync(path.join(__dirname, "../../prisma", provider, "schema.prisma"), "utf8");
      expect([provider, /statusCorrectionDays\s+Int\s+@default\((\d+)\)/.exec(schema)?.[1]]).toEqual([
        provider,
        String(DEFAULT_STATUS_CORRECTION_DAYS),
      ]);
    }
  });
});

describe("office settings: the day at the office", () => {
  const QUEUE_SETTINGS = [
    ["checkInEarlyMinutes", "invalidCheckInEarly"],
    ["checkInLateMinutes", "invalidCheckInLate"],
    ["callToleranceMinutes", "invalidCallTolerance"],
    ["walkInQueueLimit", "invalidWalkInQueueLimit"],
  ] as const;

  it("takes the new office's defaults, which both database schemas store for existing offices", () => {
    const r = officeSettingsSchema.parse(form);
    expect([r.checkInEarlyMinutes, r.checkInLateMinutes, r.callToleranceMinutes, r.walkInQueueLimit, r.announceCalls, r.waitingArea]).toEqual([
      30, 15, 10, 30, false, null,
    ]);
    for (const provider of ["sqlite", "postgresql"]) {
      const schema = fs.readFileSync(path.join(__dirname, "../../prisma", provider, "schema.prisma"), "utf8");
      for (const [name] of QUEUE_SETTINGS) {
        expect([provider, name, new RegExp(`${name}\\s+Int\\s+@default\\((\\d+)\\)`).exec(schema)?.[1]]).toEqual([provider, name, NEW_OFFICE_VALUES[name]]);
      }
    }
  });

  it.each(QUEUE_SETTINGS)("accepts %s within its bounds and refuses it outside with a message naming them", (name, key) => {
    const [min, max] = OFFICE_LIMITS[name];
    const parse = (value: string) => {
      const r = officeSettingsSchema.safeParse({ ...form, [name]: value });
      return r.success ? r.data[name] : fieldErrorsOf(r.error);
    };
    expect(parse(String(min))).toBe(min);
    expect(parse(String(max))).toBe(max);
    for (const bad of [String(min - 1), String(max + 1), "1.5", ""]) expect(parse(bad)).toEqual({ [name]: [key] });
    expect(OFFICE_FIELDS).toContain(name);
    expect(deAdmin.office.fields[`${name}Hint`]).toContain(`0 bis ${max}`);
    expect(deAdmin.validation[key]).toContain(`0 bis ${max}`);
  });

  it("reads the waiting area as an optional line and the announcement as yes or no", () => {
    const r = officeSettingsSchema.parse({ ...form, waitingArea: "  Wartebereich B, 2. OG ", announceCalls: "true" });
    expect([r.waitingArea, r.announceCalls]).toEqual(["Wartebereich B, 2. OG", true]);
    const bad = officeSettingsSchema.safeParse({ ...form, waitingArea: "x".repeat(121), announceCalls: "vielleicht" });
    expect(bad.success ? bad.data : fieldErrorsOf(bad.error)).toEqual({ waitingArea: ["tooLong"], announceCalls: ["invalid"] });
  });
});

describe("service settings: walk-in day parts", () => {
  const schema = serviceSchema([]);
  const service = { slug: "personalausweis", name: "Personalausweis", durationMinutes: "15", extraPersonMinutes: "0", maxPersons: "1", releaseMode: "FIRST_COME", asksPermitExpiry: "false", translations: {} };
  const partsOf = (walkInDayParts: unknown) => {
    const r = schema.safeParse({ ...service, walkInDayParts });
    return r.success ? r.data.walkInDayParts : fieldErrorsOf(r.error);
  };

  it("stores the ticked parts of the day in their order, each once; none ticked is appointments only", () => {
    expect(partsOf(["AFTERNOON", "MORNING", "AFTERNOON"])).toBe("MORNING,AFTERNOON");
    expect(partsOf("AFTERNOON")).toBe("AFTERNOON");
    expect(partsOf([])).toBe("");
    expect(partsOf(undefined)).toBe("");
  });

  it("refuses a part of the day that does not exist", () => {
    expect(partsOf(["MORNING", "EVENING"])).toEqual({ walkInDayParts: ["invalid"] });
  });

  it("reads the checkboxes from the posted form", () => {
    const posted = new FormData();
    for (const [k, v] of Object.entries(service)) if (typeof v === "string") posted.append(k, v);
    posted.append("walkInDayParts", "MORNING");
    posted.append("walkInDayParts", "AFTERNOON");
    expect(schema.parse(serviceFromForm(posted, [])).walkInDayParts).toBe("MORNING,AFTERNOON");
  });
});
