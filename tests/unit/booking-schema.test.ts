import fs from "node:fs";
import path from "node:path";
import { parse as parseMessage, TYPE } from "@formatjs/icu-messageformat-parser";
import validation from "@/lib/i18n/messages/de/validation.json";
import { locales } from "@/lib/i18n/routing";
import {
  dateFromParts,
  manageTokenSchema,
  PERSONAL_DATA_MESSAGES,
  type PersonalDataMessage,
  personalDataFromForm,
  personalDataSchema,
  slotChoiceSchema,
} from "@/lib/schemas/booking";
import { type FieldErrors, fieldErrorsOf } from "@/lib/schemas/form-errors";

// The personal-data step against malformed and hostile input, the way the wizard receives it (FormData through
// personalDataFromForm) and the way the JSON API does (a parsed object). Every refusal must be a key of the German
// "validation" messages, so the citizen reads a sentence and never a zod default; every real name must pass.

const VALIDATION_KEYS = new Set(Object.keys(validation));
const TODAY = "2025-06-15";
const MAX_PERSONS = 3;
// A service that the citizen may attend in person or by phone: the form asks how.
const schema = personalDataSchema({ maxPersons: MAX_PERSONS, today: TODAY, kinds: ["IN_PERSON", "PHONE"] });

/** What the wizard's form posts for a valid citizen; cases change single fields of it. */
const VALID_FORM: Record<string, string> = {
  givenName: "Amira",
  familyName: "Haddad",
  email: "amira.haddad@example.org",
  phone: "+49 30 1234567",
  dobDay: "17",
  dobMonth: "5",
  dobYear: "1990",
  persons: "1",
  remark: "",
  privacyConsent: "on",
  kind: "IN_PERSON",
};

/** `null` leaves the field out of the form. */
type FormPatch = Record<string, string | Blob | null>;

function formOf(patch: FormPatch = {}): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries({ ...VALID_FORM, ...patch })) {
    if (value !== null) form.append(key, value);
  }
  return form;
}

type Outcome = { ok: true; data: ReturnType<typeof schema.parse> } | { ok: false; errors: FieldErrors };

function parse(input: unknown): Outcome {
  const result = schema.safeParse(input);
  return result.success ? { ok: true, data: result.data } : { ok: false, errors: fieldErrorsOf(result.error) };
}

function parseForm(patch: FormPatch = {}): Outcome {
  return parse(personalDataFromForm(formOf(patch)));
}

/** Fails with the parsed data when the input was accepted, so a report shows what got through. */
function expectRefused(outcome: Outcome, field: string, key: string) {
  if (outcome.ok) throw new Error(`accepted, expected ${field}: ${key}; parsed as ${JSON.stringify(outcome.data)}`);
  expect(outcome.errors[field]).toContain(key);
  for (const [f, keys] of Object.entries(outcome.errors)) {
    for (const k of keys) {
      if (!VALIDATION_KEYS.has(k)) throw new Error(`${f}: "${k}" is not a key of de/validation.json`);
    }
  }
}

const LONG = "a".repeat(10_000);

// [label, form fields to change, field expected to be refused, translation key]
const HOSTILE_FORMS: Array<[string, FormPatch, string, string]> = [
  // Missing and empty fields
  ["family name missing", { familyName: null }, "familyName", "familyNameRequired"],
  ["e-mail missing", { email: null }, "email", "emailRequired"],
  ["e-mail empty", { email: "" }, "email", "emailRequired"],
  ["date of birth missing", { dobDay: null, dobMonth: null, dobYear: null }, "dateOfBirth", "dateOfBirthRequired"],
  ["file upload instead of a name", { familyName: new Blob(["Haddad"]) }, "familyName", "familyNameRequired"],
  // Lengths
  ["10,000-character given name", { givenName: LONG }, "givenName", "givenNameTooLong"],
  ["10,000-character family name", { familyName: LONG }, "familyName", "familyNameTooLong"],
  ["10,000-character e-mail", { email: `${LONG}@example.org` }, "email", "emailTooLong"],
  ["10,000-character phone", { phone: "1".repeat(10_000) }, "phone", "phoneTooLong"],
  ["10,000-character remark", { remark: LONG }, "remark", "remarkTooLong"],
  ["10,000-character day of birth", { dobDay: "1".repeat(10_000) }, "dateOfBirth", "dateOfBirthDay"],
  // Control and invisible characters
  ["NUL byte in given name", { givenName: "Ami\u0000ra" }, "givenName", "givenNameInvalid"],
  ["NUL byte in family name", { familyName: "Haddad\u0000" }, "familyName", "familyNameInvalid"],
  ["NUL byte in remark", { remark: "Rollstuhl\u0000" }, "remark", "remarkInvalid"],
  ["NUL byte in e-mail", { email: "amira\u0000@example.org" }, "email", "invalidEmail"],
  ["line break in given name", { givenName: "Amira\nBcc: x" }, "givenName", "givenNameInvalid"],
  ["line separator in family name", { familyName: "Had\u2028dad" }, "familyName", "familyNameInvalid"],
  ["escape sequence in family name", { familyName: "Haddad\u001b[31m" }, "familyName", "familyNameInvalid"],
  ["right-to-left override in given name", { givenName: "\u202Earima" }, "givenName", "givenNameInvalid"],
  ["right-to-left isolate in family name", { familyName: "Haddad\u2067dwa\u2069" }, "familyName", "familyNameInvalid"],
  ["emoji in given name", { givenName: "Amira 😀" }, "givenName", "givenNameInvalid"],
  ["emoji as family name", { familyName: "🙂🙂" }, "familyName", "familyNameInvalid"],
  // Injection attempts
  ["<script> in given name", { givenName: "<script>alert(1)</script>" }, "givenName", "givenNameInvalid"],
  ["<script> without digits in family name", { familyName: "<script>alert(document.cookie)</script>" }, "familyName", "familyNameInvalid"],
  ["HTML attribute break-out in family name", { familyName: '"><img src=x onerror=alert(document.domain)>' }, "familyName", "familyNameInvalid"],
  ["SQL tautology in given name", { givenName: "' OR 1=1 --" }, "givenName", "givenNameInvalid"],
  ["SQL UNION in family name", { familyName: "x' UNION SELECT * FROM \"Booking\" --" }, "familyName", "familyNameInvalid"],
  ["SQL statement terminator in family name", { familyName: "Robert'); DROP TABLE Students;--" }, "familyName", "familyNameInvalid"],
  ["template expression in given name", { givenName: "{{constructor.constructor('alert')()}}" }, "givenName", "givenNameInvalid"],
  ["digits in family name", { familyName: "Haddad2" }, "familyName", "familyNameInvalid"],
  // E-mail addresses
  ["e-mail without @", { email: "amira.haddad.example.org" }, "email", "invalidEmail"],
  ["e-mail with a space in the local part", { email: "amira haddad@example.org" }, "email", "invalidEmail"],
  ["e-mail with a space in the domain", { email: "amira@exa mple.org" }, "email", "invalidEmail"],
  ["e-mail with two @", { email: "amira@@example.org" }, "email", "invalidEmail"],
  ["e-mail without a domain", { email: "amira@" }, "email", "invalidEmail"],
  ["e-mail without a top-level domain", { email: "amira@example" }, "email", "invalidEmail"],
  ["e-mail with a header injection", { email: "amira@example.org\r\nBcc: all@example.org" }, "email", "invalidEmail"],
  ["two e-mails separated by a comma", { email: "a@example.org,b@example.org" }, "email", "invalidEmail"],
  ["e-mail with markup", { email: "<script>@example.org" }, "email", "invalidEmail"],
  // Phone numbers
  ["letters as phone", { phone: "abc" }, "phone", "invalidPhone"],
  ["SQL after a phone number", { phone: "+49 30 1234567; DROP TABLE x" }, "phone", "invalidPhone"],
  ["markup as phone", { phone: "<b>030 1234</b>" }, "phone", "invalidPhone"],
  ["phone without a single digit", { phone: "-----" }, "phone", "invalidPhone"],
  // Dates of birth
  ["30 February as ISO date", { dateOfBirth: "2023-02-30" }, "dateOfBirth", "dateOfBirthNoFebruaryThirtieth"],
  ["31 April from three fields", { dobDay: "31", dobMonth: "4", dobYear: "1990" }, "dateOfBirth", "dateOfBirthNoAprilThirtyFirst"],
  ["29 February of a common year", { dobDay: "29", dobMonth: "2", dobYear: "1991" }, "dateOfBirth", "dateOfBirthNoLeapDay"],
  ["day 0", { dobDay: "0", dobMonth: "1", dobYear: "1990" }, "dateOfBirth", "dateOfBirthDay"],
  ["month 13", { dobDay: "1", dobMonth: "13", dobYear: "1990" }, "dateOfBirth", "dateOfBirthMonth"],
  ["negative day", { dobDay: "-1", dobMonth: "3", dobYear: "1990" }, "dateOfBirth", "dateOfBirthDay"],
  ["two-digit year", { dobDay: "1", dobMonth: "3", dobYear: "90" }, "dateOfBirth", "dateOfBirthYear"],
  ["letters as month", { dobDay: "1", dobMonth: "März", dobYear: "1990" }, "dateOfBirth", "dateOfBirthMonth"],
  ["day missing", { dobDay: "", dobMonth: "3", dobYear: "1990" }, "dateOfBirth", "dateOfBirthMissingDay"],
  ["German date in the ISO field", { dateOfBirth: "17.05.1990" }, "dateOfBirth", "dateOfBirthInvalid"],
  ["ISO timestamp as date", { dateOfBirth: "1990-05-17T00:00:00Z" }, "dateOfBirth", "dateOfBirthDay"],
  ["date of birth tomorrow", { dateOfBirth: "2025-06-16" }, "dateOfBirth", "dateOfBirthFuture"],
  ["date of birth in the future from fields", { dobDay: "1", dobMonth: "1", dobYear: "2099" }, "dateOfBirth", "dateOfBirthFuture"],
  ["date of birth 200 years ago", { dobDay: "1", dobMonth: "1", dobYear: "1825" }, "dateOfBirth", "dateOfBirthTooOld"],
  // Number of persons
  ["0 persons", { persons: "0" }, "persons", "invalidPersons"],
  ["-1 persons", { persons: "-1" }, "persons", "invalidPersons"],
  ["1.5 persons", { persons: "1.5" }, "persons", "invalidPersons"],
  ['"abc" persons', { persons: "abc" }, "persons", "invalidPersons"],
  ["empty persons", { persons: "" }, "persons", "invalidPersons"],
  ["Infinity persons", { persons: "Infinity" }, "persons", "invalidPersons"],
  ["more persons than the service allows", { persons: String(MAX_PERSONS + 1) }, "persons", "tooManyPersons"],
  ["1e3 persons", { persons: "1e3" }, "persons", "tooManyPersons"],
  ["a huge number of persons", { persons: "9".repeat(400) }, "persons", "invalidPersons"],
  // Consent
  ["consent missing", { privacyConsent: null }, "privacyConsent", "consentRequired"],
  ['consent "false"', { privacyConsent: "false" }, "privacyConsent", "consentRequired"],
  ['consent "off"', { privacyConsent: "off" }, "privacyConsent", "consentRequired"],
  ["consent empty", { privacyConsent: "" }, "privacyConsent", "consentRequired"],
];

describe("personal data from the wizard's form: malformed and hostile input", () => {
  it("accepts the unchanged valid form (the baseline every case below alters)", () => {
    const outcome = parseForm();
    expect(outcome).toEqual({
      ok: true,
      data: {
        givenName: "Amira",
        familyName: "Haddad",
        email: "amira.haddad@example.org",
        phone: "+49 30 1234567",
        dateOfBirth: "1990-05-17",
        persons: 1,
        privacyConsent: true,
        kind: "IN_PERSON",
      },
    });
  });

  it.each(HOSTILE_FORMS)("%s: refused with a German message", (_label, patch, field, key) => {
    expectRefused(parseForm(patch), field, key);
  });

});

// The JSON API hands a parsed object to the same schema: types can be anything JSON can express.
const WRONG_TYPES: Array<[string, Record<string, unknown>, string, string]> = [
  ["number as given name", { givenName: 42 }, "givenName", "givenNameInvalid"],
  ["array as family name", { familyName: ["Haddad"] }, "familyName", "familyNameInvalid"],
  ["object as e-mail", { email: { $ne: "" } }, "email", "invalidEmail"],
  ["null e-mail", { email: null }, "email", "emailRequired"],
  ["number as phone", { phone: 301234567 }, "phone", "invalidPhone"],
  ["number as date of birth", { dateOfBirth: 19900517 }, "dateOfBirth", "dateOfBirthInvalid"],
  ["object as persons", { persons: { value: 1 } }, "persons", "invalidPersons"],
  ["number as remark", { remark: 5 }, "remark", "remarkInvalid"],
  ['string "true" as consent', { privacyConsent: "true" }, "privacyConsent", "consentRequired"],
  ["1 as consent", { privacyConsent: 1 }, "privacyConsent", "consentRequired"],
  ["false as consent", { privacyConsent: false }, "privacyConsent", "consentRequired"],
];

const VALID_OBJECT = {
  givenName: "Amira",
  familyName: "Haddad",
  email: "amira.haddad@example.org",
  dateOfBirth: "1990-05-17",
  persons: 1,
  privacyConsent: true,
  kind: "IN_PERSON",
};

describe("personal data as an object (JSON API): wrong types", () => {
  it.each(WRONG_TYPES)("%s: refused with a German message", (_label, patch, field, key) => {
    expectRefused(parse({ ...VALID_OBJECT, ...patch }), field, key);
  });

  it.each([
    ["null", null],
    ["a string", "Amira Haddad"],
    ["an array", [VALID_OBJECT]],
  ])("refuses %s instead of an object with a form-level key", (_label, input) => {
    expectRefused(parse(input), "_form", "invalid");
  });

  it("drops unknown fields, including prototype keys", () => {
    const outcome = parse(JSON.parse(`{"__proto__":{"isAdmin":true},"isAdmin":true,${JSON.stringify(VALID_OBJECT).slice(1)}`));
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(Object.keys(outcome.data).sort()).toEqual(Object.keys(VALID_OBJECT).sort());
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });
});

describe("personal data: real names and numbers pass", () => {
  it.each([
    ["German umlauts and a hyphen", "Hans-Jürgen", "Müller-Lüdenscheidt"],
    ["sharp s", "Jürgen", "Weiß"],
    ["apostrophe", "Seán", "O'Brien"],
    ["typographic apostrophe", "Giulia", "D’Angelo"],
    ["nobiliary particles", "Anna Maria", "von der Heide"],
    ["abbreviated saint", "Mary", "St. John"],
    ["diaeresis", "Zoë", "Brontë"],
    ["Turkish letters", "İlkay Şükrü", "Gündoğan Çağlar"],
    ["Turkish dotless i", "Işıl", "Ağaoğlu"],
    ["Polish letters", "Łukasz", "Żółć"],
    ["Spanish compound", "María-José", "Carreño Quiñones"],
    ["Vietnamese", "Nguyễn Thị", "Minh Khai"],
    ["decomposed umlaut (as typed on macOS)", "Ju\u0308rgen", "Mu\u0308ller"],
    ["Arabic", "محمد", "عبد الله"],
    ["Persian with a zero-width non-joiner", "علی\u200cرضا", "حسینی"],
    ["Cyrillic", "Алексей", "Смирнов"],
    ["Ukrainian apostrophe", "Мар'яна", "Ковальчук"],
    ["Greek", "Ελένη", "Παπαδοπούλου"],
    ["Hebrew", "שרה", "כהן"],
    ["Chinese", "小明", "王"],
    ["two-letter family name", "Mai", "Ng"],
    ["surrounding spaces (trimmed)", "  Amira ", " Haddad  "],
  ])("%s: %s %s", (_label, givenName, familyName) => {
    const outcome = parseForm({ givenName, familyName });
    if (!outcome.ok) throw new Error(`refused: ${JSON.stringify(outcome.errors)}`);
    expect(outcome.data.givenName).toBe(givenName.trim());
    expect(outcome.data.familyName).toBe(familyName.trim());
  });

  it.each([
    ["no given name field", null],
    ["an empty given name", ""],
    ["a given name of spaces", "   "],
  ])("people without a given name can book: %s", (_label, givenName) => {
    const outcome = parseForm({ givenName: givenName as string, familyName: "Rahimi" });
    if (!outcome.ok) throw new Error(`refused: ${JSON.stringify(outcome.errors)}`);
    expect(outcome.data.givenName).toBeUndefined();
    expect(outcome.data.familyName).toBe("Rahimi");
  });

  it.each([
    ["+49 30 1234567"],
    ["+49 (0)30 123456-78"],
    ["+49 170 1234567"],
    ["0049 170 1234567"],
    ["030/1234567"],
    ["0301234567"],
  ])("phone %s", (phone) => {
    const outcome = parseForm({ phone });
    if (!outcome.ok) throw new Error(`refused: ${JSON.stringify(outcome.errors)}`);
    expect(outcome.data.phone).toBe(phone);
  });

  it.each([
    ["amira.haddad@example.org", "amira.haddad@example.org"],
    ["amira+termin@example.de", "amira+termin@example.de"],
    ["  Amira.Haddad@Example.ORG  ", "Amira.Haddad@Example.ORG"],
    ["o'brien@example.ie", "o'brien@example.ie"],
  ])("e-mail %j", (email, expected) => {
    const outcome = parseForm({ email });
    if (!outcome.ok) throw new Error(`refused: ${JSON.stringify(outcome.errors)}`);
    expect(outcome.data.email).toBe(expected);
  });

  it("treats an empty phone and remark as not given, and keeps a multi-line remark", () => {
    const outcome = parseForm({ phone: "  ", remark: "Rollstuhl\r\nBitte Erdgeschoss\tdanke" });
    if (!outcome.ok) throw new Error(`refused: ${JSON.stringify(outcome.errors)}`);
    expect(outcome.data.phone).toBeUndefined();
    expect(outcome.data.remark).toBe("Rollstuhl\r\nBitte Erdgeschoss\tdanke");
    const empty = parseForm({ remark: "" });
    expect(empty.ok && empty.data.remark).toBeUndefined();
  });

  it("accepts up to the service's maximum of persons, with surrounding spaces; a missing field means one", () => {
    for (const persons of ["1", "2", String(MAX_PERSONS), " 2 "]) {
      const outcome = parseForm({ persons });
      expect(outcome.ok && outcome.data.persons).toBe(Number(persons));
    }
    const missing = parseForm({ persons: null });
    expect(missing.ok && missing.data.persons).toBe(1);
  });

  it("accepts a date of birth today, 29 February of a leap year and one exactly 130 years back", () => {
    expect(parseForm({ dateOfBirth: TODAY }).ok).toBe(true);
    expect(parseForm({ dobDay: "29", dobMonth: "2", dobYear: "2000" }).ok).toBe(true);
    expect(parseForm({ dobDay: "1", dobMonth: "1", dobYear: "1895" }).ok).toBe(true);
  });

  it('accepts consent as "on" (a checkbox without JavaScript) and "true"', () => {
    expect(parseForm({ privacyConsent: "on" }).ok).toBe(true);
    expect(parseForm({ privacyConsent: "true" }).ok).toBe(true);
  });
});

describe("dateFromParts", () => {
  it.each([
    [["7", "3", "1990"], "1990-03-07"],
    [[" 7 ", " 03 ", " 1990 "], "1990-03-07"],
    [["31", "12", "1999"], "1999-12-31"],
    [["", "", ""], undefined],
    [[undefined, undefined, undefined], undefined],
    [["   ", "", " "], undefined],
  ] as Array<[Array<string | undefined>, string | undefined]>)("%j -> %s", ([d, m, y], expected) => {
    expect(dateFromParts(d, m, y)).toBe(expected);
  });

  it.each([
    ["31", "4", "1990", "dateOfBirthNoAprilThirtyFirst"],
    ["30", "2", "2023", "dateOfBirthNoFebruaryThirtieth"],
    ["0", "0", "0000", "dateOfBirthDay"],
    ["-1", "3", "1990", "dateOfBirthDay"],
    ["1", "-3", "1990", "dateOfBirthMonth"],
    ["1", "3", "90", "dateOfBirthYear"],
    ["1", "3", "19900", "dateOfBirthYear"],
    ["1.5", "3", "1990", "dateOfBirthDay"],
    ["1", "3", "", "dateOfBirthMissingYear"],
    ["", "", "1990", "dateOfBirthIncomplete"],
    ["<b>", "3", "1990", "dateOfBirthDay"],
    ["1\u0000", "3", "1990", "dateOfBirthDay"],
  ])("passes %j.%j.%j on so that the schema names the wrong part: %s", (d, m, y, key) => {
    const composed = dateFromParts(d, m, y);
    expect(composed).toEqual(expect.any(String));
    expectRefused(parse({ ...VALID_OBJECT, dateOfBirth: composed }), "dateOfBirth", key);
  });

  it("reads Arabic-Indic and Persian digits, as phones with those keyboards type them", () => {
    expect(dateFromParts("١٧", "٥", "١٩٩٠")).toBe("1990-05-17");
    expect(dateFromParts("۱۷", "۵", "۱۹۹۰")).toBe("1990-05-17");
    expect(parseForm({ dobDay: "۱۷", dobMonth: "۵", dobYear: "۱۹۹۰" }).ok).toBe(true);
  });
});

describe("slot choice and manage token", () => {
  it.each([
    ["2027-03-01T08:00:00.000Z"],
    ["2027-03-01T08:00:00Z"],
  ])("accepts the slot %s", (start) => {
    expect(slotChoiceSchema.safeParse({ start }).success).toBe(true);
  });

  it.each([
    ["missing", undefined],
    ["empty", ""],
    ["a date only", "2027-03-01"],
    ["a local time without zone", "2027-03-01T09:00"],
    ["German notation", "01.03.2027 09:00"],
    ["an impossible date", "2027-02-30T08:00:00Z"],
    ["an epoch number", 1804060800000],
    ["SQL", "2027-03-01T08:00:00Z' OR 1=1 --"],
    ["10,000 characters", LONG],
  ])("refuses a slot given as %s with invalidSlot", (_label, start) => {
    const result = slotChoiceSchema.safeParse({ start });
    expect(result.success).toBe(false);
    if (!result.success) expect(fieldErrorsOf(result.error)).toEqual({ start: ["invalidSlot"] });
  });

  it("accepts a 43-character base64url token and refuses forged ones", () => {
    expect(manageTokenSchema.safeParse("A".repeat(43)).success).toBe(true);
    for (const token of ["", "A".repeat(42), "A".repeat(44), `${"A".repeat(42)}=`, `${"A".repeat(42)}/`, "../../etc/passwd", `${"A".repeat(42)}\u0000`]) {
      expect(manageTokenSchema.safeParse(token).success).toBe(false);
    }
  });
});

// Every message the personal-data schema can give, in every language: each is reached by one input and by it alone,
// exists in all eight languages without placeholders (the form shows it as it is), and is told apart from the
// messages of every other field, so that the error summary never lists the same sentence for two fields.

/** The form with some fields changed (`null` leaves one out), or a JSON body (the API's wrong types). */
type Input = { form: FormPatch } | { json: Record<string, unknown> };

// Typed by the schema's own list: a message added to the schema fails to compile here until it has a case.
const CASES: Record<PersonalDataMessage, Input> = {
  givenNameTooLong: { form: { givenName: "a".repeat(101) } },
  givenNameInvalid: { form: { givenName: "Amira2" } },
  familyNameRequired: { form: { familyName: "  " } },
  familyNameTooLong: { form: { familyName: "b".repeat(101) } },
  familyNameInvalid: { form: { familyName: "<b>Haddad</b>" } },
  emailRequired: { form: { email: null } },
  emailTooLong: { form: { email: `${"c".repeat(250)}@example.org` } },
  invalidEmail: { form: { email: "amira.example.org" } },
  phoneTooLong: { form: { phone: "1".repeat(41) } },
  invalidPhone: { form: { phone: "null-acht-fünfzehn" } },
  phoneRequiredForCall: { form: { kind: "PHONE", phone: "" } },
  kindRequired: { form: { kind: null } },
  dateOfBirthRequired: { form: { dobDay: "", dobMonth: "", dobYear: "" } },
  dateOfBirthMissingDay: { form: { dobDay: "" } },
  dateOfBirthMissingMonth: { form: { dobMonth: "" } },
  dateOfBirthMissingYear: { form: { dobYear: "" } },
  dateOfBirthIncomplete: { form: { dobDay: "", dobMonth: "" } },
  dateOfBirthDay: { form: { dobDay: "32" } },
  dateOfBirthMonth: { form: { dobMonth: "13" } },
  dateOfBirthYear: { form: { dobYear: "90" } },
  dateOfBirthInvalid: { json: { dateOfBirth: "17.05.1990" } },
  dateOfBirthNoLeapDay: { form: { dobDay: "29", dobMonth: "2", dobYear: "1991" } },
  dateOfBirthNoFebruaryThirtieth: { form: { dobDay: "30", dobMonth: "2", dobYear: "1990" } },
  dateOfBirthNoFebruaryThirtyFirst: { form: { dobDay: "31", dobMonth: "2", dobYear: "2030" } },
  dateOfBirthNoAprilThirtyFirst: { form: { dobDay: "31", dobMonth: "4", dobYear: "1990" } },
  dateOfBirthNoJuneThirtyFirst: { form: { dobDay: "31", dobMonth: "6", dobYear: "1990" } },
  dateOfBirthNoSeptemberThirtyFirst: { form: { dobDay: "31", dobMonth: "9", dobYear: "1990" } },
  dateOfBirthNoNovemberThirtyFirst: { form: { dobDay: "31", dobMonth: "11", dobYear: "1990" } },
  dateOfBirthFuture: { form: { dobDay: "16", dobMonth: "6", dobYear: "2025" } },
  dateOfBirthTooOld: { form: { dobDay: "1", dobMonth: "1", dobYear: "1894" } },
  invalidPersons: { form: { persons: "0" } },
  tooManyPersons: { form: { persons: String(MAX_PERSONS + 1) } },
  remarkTooLong: { form: { remark: "d".repeat(501) } },
  remarkInvalid: { form: { remark: "Rollstuhl\u0007" } },
  consentRequired: { form: { privacyConsent: null } },
  permitExpiryIncomplete: { form: { permitDay: "1", permitMonth: "", permitYear: "2026" } },
  permitExpiryInvalid: { form: { permitDay: "31", permitMonth: "4", permitYear: "2026" } },
  permitExpiryTooFar: { form: { permitDay: "16", permitMonth: "6", permitYear: "2035" } },
  permitExpiryTooOld: { form: { permitDay: "14", permitMonth: "6", permitYear: "2015" } },
};

const FIELD_OF = new Map<string, string>(
  Object.entries(PERSONAL_DATA_MESSAGES).flatMap(([field, messages]) => Object.values(messages).map((key) => [key, field])),
);

function errorsFor(input: Input): FieldErrors {
  const outcome = "json" in input ? parse({ ...VALID_OBJECT, ...input.json }) : parseForm(input.form);
  return outcome.ok ? {} : outcome.errors;
}

const MESSAGES_DIR = path.join(__dirname, "../../lib/i18n/messages");
const texts = Object.fromEntries(
  locales.map((locale) => [
    locale,
    JSON.parse(fs.readFileSync(path.join(MESSAGES_DIR, locale, "validation.json"), "utf8")) as Record<string, string>,
  ]),
);
const KEYS = Object.keys(CASES) as PersonalDataMessage[];

describe("personal-data messages: one input for each, and only that message", () => {
  it("the schema's list and the cases agree", () => {
    expect([...FIELD_OF.keys()].sort()).toEqual([...KEYS].sort());
  });

  it.each(KEYS)("%s", (key) => {
    expect(errorsFor(CASES[key])).toEqual({ [FIELD_OF.get(key)!]: [key] });
  });

  it("an empty form names each missing field with its own message", () => {
    const outcome = parse(personalDataFromForm(new FormData()));
    expect(outcome.ok ? {} : outcome.errors).toEqual({
      familyName: ["familyNameRequired"],
      email: ["emailRequired"],
      dateOfBirth: ["dateOfBirthRequired"],
      privacyConsent: ["consentRequired"],
      kind: ["kindRequired"],
    });
  });
});

describe.each(locales)("personal-data messages in %s", (locale) => {
  const own = texts[locale];

  it.each(KEYS)("%s is translated, plain text, and not a generic sentence", (key) => {
    const text = own[key];
    expect(typeof text).toBe("string");
    expect(text.trim().length).toBeGreaterThan(5);
    // Shown without arguments: a placeholder would throw in the form.
    expect(parseMessage(text).every((el) => el.type === TYPE.literal)).toBe(true);
    for (const generic of ["required", "invalid", "tooLong", "invalidDate"]) expect(text).not.toBe(own[generic]);
    if (locale !== "de") expect(text).not.toBe(texts.de[key]);
  });

  it("no two fields share a message, so the summary always tells them apart", () => {
    const fieldsByText = new Map<string, Set<string>>();
    for (const key of KEYS) {
      const fields = fieldsByText.get(own[key]) ?? new Set<string>();
      fields.add(FIELD_OF.get(key)!);
      fieldsByText.set(own[key], fields);
    }
    expect([...fieldsByText].filter(([, fields]) => fields.size > 1)).toEqual([]);
    // Within a field, every problem has its own sentence too.
    expect(new Set(KEYS.map((k) => own[k])).size).toBe(KEYS.length);
  });
});

describe("the messages name their field", () => {
  const NAMES: Record<string, Record<string, RegExp>> = {
    de: {
      givenName: /Vorname/,
      familyName: /Familiennamen?/,
      email: /E-Mail-Adresse/,
      phone: /Telefonnummer/,
      dateOfBirth: /Geburts|Februar|April|Juni|September|November/,
      persons: /Personen/,
      remark: /Bemerkung/,
      privacyConsent: /Datenschutzhinweise/,
      permitExpiresOn: /Aufenthaltstitel/,
      kind: /Termin/,
    },
    en: {
      givenName: /Given name/,
      familyName: /family name/i,
      email: /e-mail address/i,
      phone: /telephone number/i,
      dateOfBirth: /birth|February|April|June|September|November/,
      persons: /people/,
      remark: /remark/i,
      privacyConsent: /privacy notice/,
      permitExpiresOn: /residence permit/,
      kind: /appointment/,
    },
  };

  it.each(Object.keys(NAMES))("in %s", (locale) => {
    const unnamed = KEYS.filter((key) => !NAMES[locale][FIELD_OF.get(key)!].test(texts[locale][key]));
    expect(unnamed.map((key) => `${key}: ${texts[locale][key]}`)).toEqual([]);
  });

  it("as the issue asked for, in German", () => {
    expect(texts.de.familyNameRequired).toBe("Geben Sie Ihren Familiennamen ein.");
    expect(errorsFor({ form: { dobDay: "31", dobMonth: "2", dobYear: "2030" } })).toEqual({
      dateOfBirth: ["dateOfBirthNoFebruaryThirtyFirst"],
    });
    expect(texts.de.dateOfBirthNoFebruaryThirtyFirst).toMatch(/^Den 31\. Februar gibt es nicht\./);
    expect(texts.de.dateOfBirthFuture).toBe("Das Geburtsdatum muss in der Vergangenheit liegen.");
    expect(texts.de.invalidEmail).toBe("Geben Sie eine E-Mail-Adresse im Format name@beispiel.de ein.");
  });
});

describe("how the appointment takes place", () => {
  it("needs a choice among several kinds and the phone number for a phone appointment, reported with the other problems", () => {
    expect(parseForm({ kind: "PHONE" })).toMatchObject({ ok: true, data: { kind: "PHONE", phone: "+49 30 1234567" } });
    expectRefused(parseForm({ kind: "VIDEO" }), "kind", "kindRequired");
    const both = parseForm({ kind: "PHONE", phone: "", familyName: "" });
    expect(both).toEqual({ ok: false, errors: { familyName: ["familyNameRequired"], phone: ["phoneRequiredForCall"] } });
  });

  it("takes the only kind offered without asking, and a phone-only service requires the number", () => {
    const phoneOnly = personalDataSchema({ maxPersons: 1, today: TODAY, kinds: ["PHONE"] });
    const form = personalDataFromForm(formOf({ kind: null, phone: "" }));
    expect(fieldErrorsOf(phoneOnly.safeParse(form).error!)).toEqual({ phone: ["phoneRequiredForCall"] });
    const inPerson = personalDataSchema({ maxPersons: 1, today: TODAY });
    expect(inPerson.parse(form)).toMatchObject({ kind: undefined });
  });
});
