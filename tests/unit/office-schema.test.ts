import fs from "node:fs";
import path from "node:path";
import { NEW_OFFICE_VALUES } from "@/components/admin/form-values";
import { DEFAULT_STATUS_CORRECTION_DAYS, MAX_STATUS_CORRECTION_DAYS } from "@/lib/domain/booking-status";
import deAdmin from "@/lib/i18n/messages/de/admin.json";
import { fieldErrorsOf } from "@/lib/schemas/form-errors";
import { OFFICE_FIELDS, OFFICE_LIMITS, officeSettingsSchema } from "@/lib/schemas/office";

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
