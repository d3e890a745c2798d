import fs from "node:fs";
import path from "node:path";
import { NEW_OFFICE_VALUES } from "@/components/admin/form-values";
import { DEFAULT_STATUS_CORRECTION_DAYS, MAX_STATUS_CORRECTION_DAYS } from "@/lib/domain/booking-status";
import deAdmin from "@/lib/i18n/messages/de/admin.json";
import { fieldErrorsOf } from "@/lib/schemas/form-errors";
import {
  catalogueEntrySchema,
  OFFICE_FIELDS,
  OFFICE_LIMITS,
  offerServiceSchema,
  officeSettingsSchema,
  serviceFromForm,
  serviceSchema,
} from "@/lib/schemas/office";

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

describe("office settings: several services and video appointments", () => {
  const parsed = (patch: Record<string, string | undefined>) => {
    const r = officeSettingsSchema.safeParse({ ...form, ...patch });
    return r.success ? { max: r.data.maxServicesPerBooking, video: r.data.videoMeetingUrlTemplate } : fieldErrorsOf(r.error);
  };

  it("reads the services per appointment from 1 to 10, a new office one", () => {
    expect(parsed({})).toEqual({ max: 1, video: null });
    expect(parsed({ maxServicesPerBooking: "3" })).toMatchObject({ max: 3 });
    for (const bad of ["0", "11", "2.5", ""]) expect(parsed({ maxServicesPerBooking: bad })).toEqual({ maxServicesPerBooking: ["invalidMaxServices"] });
  });

  it("takes only the office's own https address with the reference placeholder; empty means no video", () => {
    expect(parsed({ videoMeetingUrlTemplate: " https://meet.stadt.example/{reference} " })).toMatchObject({ video: "https://meet.stadt.example/{reference}" });
    for (const bad of ["http://meet.stadt.example/{reference}", "https://meet.stadt.example/raum", "javascript:alert(1)//{reference}", `https://x.example/${"a".repeat(500)}{reference}`]) {
      expect(parsed({ videoMeetingUrlTemplate: bad })).toEqual({ videoMeetingUrlTemplate: ["invalidVideoTemplate"] });
    }
  });

  it("leaves both as they are when a form does not send them", () => {
    expect(parsed({ maxServicesPerBooking: undefined, videoMeetingUrlTemplate: undefined })).toEqual({ max: undefined, video: undefined });
    expect(OFFICE_FIELDS).toEqual(expect.arrayContaining(["maxServicesPerBooking", "videoMeetingUrlTemplate"]));
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
    posted.append("appointmentKinds", "IN_PERSON");
    expect(schema.parse(serviceFromForm(posted, [])).walkInDayParts).toBe("MORNING,AFTERNOON");
  });
});

describe("service settings: kinds of appointment", () => {
  const schema = serviceSchema([]);
  const service = { slug: "beratung", name: "Beratung", durationMinutes: "30", extraPersonMinutes: "0", maxPersons: "1", releaseMode: "FIRST_COME", asksPermitExpiry: "false", translations: {} };
  const kindsOf = (appointmentKinds: unknown) => {
    const r = schema.safeParse({ ...service, appointmentKinds });
    return r.success ? r.data.appointmentKinds : fieldErrorsOf(r.error);
  };

  it("stores the ticked kinds in their order, each once", () => {
    expect(kindsOf(["VIDEO", "IN_PERSON", "VIDEO"])).toBe("IN_PERSON,VIDEO");
    expect(kindsOf("PHONE")).toBe("PHONE");
  });

  it("refuses a form with no kind ticked and a kind that does not exist; a caller naming none means in person", () => {
    expect(kindsOf([])).toEqual({ appointmentKinds: ["appointmentKindRequired"] });
    expect(kindsOf(["IN_PERSON", "CHAT"])).toEqual({ appointmentKinds: ["invalid"] });
    expect(kindsOf(undefined)).toBe("IN_PERSON");
  });

  it("reads the checkboxes from the posted form: none ticked is refused", () => {
    const posted = new FormData();
    for (const [k, v] of Object.entries(service)) if (typeof v === "string") posted.append(k, v);
    expect(fieldErrorsOf(schema.safeParse(serviceFromForm(posted, [])).error!)).toEqual({
      appointmentKinds: ["appointmentKindRequired"],
    });
    posted.append("appointmentKinds", "PHONE");
    posted.append("appointmentKinds", "IN_PERSON");
    expect(schema.parse(serviceFromForm(posted, [])).appointmentKinds).toBe("IN_PERSON,PHONE");
  });
});

describe("catalogue entries and offers", () => {
  const entry = { slug: "personalausweis-beantragen", name: "Personalausweis beantragen", translations: {} };
  const leikaOf = (leikaKey: unknown) => {
    const r = catalogueEntrySchema([]).safeParse({ ...entry, leikaKey });
    return r.success ? r.data.leikaKey : fieldErrorsOf(r.error);
  };

  it("takes the LeiKa key as 14 digits, typed with or without spaces; empty is none", () => {
    expect(leikaOf("99008001012000")).toBe("99008001012000");
    expect(leikaOf(" 99 008 001 012 000 ")).toBe("99008001012000");
    expect(leikaOf("")).toBeNull();
    expect(leikaOf(undefined)).toBeNull();
  });

  it.each(["9900800101200", "990080010120001", "99008001O12000", "99-008-001-012-000"])("refuses the LeiKa key %j", (key) => {
    expect(leikaOf(key)).toEqual({ leikaKey: ["invalidLeikaKey"] });
  });

  it("asks for an entry when an offer names none, and refuses an id that cannot be one", () => {
    const offer = { officeId: "office1", slug: "ausweis", durationMinutes: "20", extraPersonMinutes: "0", maxPersons: "1", releaseMode: "FIRST_COME", asksPermitExpiry: "false", walkInDayParts: [], appointmentKinds: ["IN_PERSON"] };
    const errorsOf = (catalogueServiceId: unknown) => {
      const r = offerServiceSchema.safeParse({ ...offer, catalogueServiceId });
      return r.success ? r.data.catalogueServiceId : fieldErrorsOf(r.error);
    };
    expect(errorsOf("")).toEqual({ catalogueServiceId: ["chooseCatalogueEntry"] });
    expect(errorsOf(undefined)).toEqual({ catalogueServiceId: ["chooseCatalogueEntry"] });
    expect(errorsOf("x' OR 1=1")).toEqual({ catalogueServiceId: ["invalid"] });
    expect(errorsOf("entry1")).toBe("entry1");
  });
});
