// Without zod, so that the booking form's first load does not need the validation library.

// Phones with an Arabic or Persian keyboard type these digits; the date is the same date.
const EASTERN_DIGITS = /[\u0660-\u0669\u06f0-\u06f9]/g;

function westernDigits(text: string): string {
  return text.replace(EASTERN_DIGITS, (c) => String((c.charCodeAt(0) - 0x0660) % 0x90));
}

/**
 * Day, month and year typed into three fields (the accessible pattern for a memorable date) as "YYYY-MM-DD";
 * anything unparseable is passed on as typed so that the schema reports which part is wrong.
 */
export function dateFromParts(day?: string, month?: string, year?: string): string | undefined {
  // A hyphen typed into a part must not read as the separator: the part stays invalid, in its own place.
  const parts = [day, month, year].map((p) => westernDigits((p ?? "").trim()).replace(/-/g, "\u2212"));
  if (parts.every((p) => p === "")) return undefined;
  const [d, m, y] = parts;
  if (!/^\d{1,2}$/.test(d) || !/^\d{1,2}$/.test(m) || !/^\d{4}$/.test(y)) return `${y}-${m}-${d}`;
  return `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
}

/** What can be wrong with a date of birth, one translation key of "validation" each (GOV.UK's date-input errors). */
export const DATE_OF_BIRTH_PROBLEMS = [
  "dateOfBirthRequired",
  "dateOfBirthMissingDay",
  "dateOfBirthMissingMonth",
  "dateOfBirthMissingYear",
  "dateOfBirthIncomplete",
  "dateOfBirthDay",
  "dateOfBirthMonth",
  "dateOfBirthYear",
  "dateOfBirthInvalid",
  "dateOfBirthNoLeapDay",
  "dateOfBirthNoFebruaryThirtieth",
  "dateOfBirthNoFebruaryThirtyFirst",
  "dateOfBirthNoAprilThirtyFirst",
  "dateOfBirthNoJuneThirtyFirst",
  "dateOfBirthNoSeptemberThirtyFirst",
  "dateOfBirthNoNovemberThirtyFirst",
  "dateOfBirthFuture",
  "dateOfBirthTooOld",
] as const;

export type DateOfBirthProblem = (typeof DATE_OF_BIRTH_PROBLEMS)[number];

/** Days 31 that do not exist, and 29-31 February: each has its own sentence ("Den 31. April gibt es nicht"). */
const NO_SUCH_DAY: Record<string, DateOfBirthProblem> = {
  "2-29": "dateOfBirthNoLeapDay",
  "2-30": "dateOfBirthNoFebruaryThirtieth",
  "2-31": "dateOfBirthNoFebruaryThirtyFirst",
  "4-31": "dateOfBirthNoAprilThirtyFirst",
  "6-31": "dateOfBirthNoJuneThirtyFirst",
  "9-31": "dateOfBirthNoSeptemberThirtyFirst",
  "11-31": "dateOfBirthNoNovemberThirtyFirst",
};

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * The first problem of a date of birth given as "YYYY-MM-DD" (or as `dateFromParts` passes on what it could not
 * read), checked part by part so that the message names the part to correct; null for a real date from today back
 * to 130 years ago. `today` is the office's local date.
 */
export function dateOfBirthProblem(value: string, today: string): DateOfBirthProblem | null {
  const parts = /^([^-]*)-([^-]*)-([^-]*)$/.exec(value);
  if (!parts) return value.trim() === "" ? "dateOfBirthRequired" : "dateOfBirthInvalid";
  const [, y, m, d] = parts;
  const missing = [d, m, y].map((p) => p === "");
  const missingCount = missing.filter(Boolean).length;
  if (missingCount === 3) return "dateOfBirthRequired";
  if (missingCount === 2) return "dateOfBirthIncomplete";
  if (missing[0]) return "dateOfBirthMissingDay";
  if (missing[1]) return "dateOfBirthMissingMonth";
  if (missing[2]) return "dateOfBirthMissingYear";
  const day = /^\d{1,2}$/.test(d) ? Number(d) : 0;
  const month = /^\d{1,2}$/.test(m) ? Number(m) : 0;
  if (day < 1 || day > 31) return "dateOfBirthDay";
  if (month < 1 || month > 12) return "dateOfBirthMonth";
  if (!/^\d{4}$/.test(y)) return "dateOfBirthYear";
  const year = Number(y);
  const daysInMonth = month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  if (day > daysInMonth) return NO_SUCH_DAY[`${month}-${day}`];
  // The parts are right; the stored form is the padded one ("1990-5-7" from an API client is not).
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return "dateOfBirthInvalid";
  if (value > today) return "dateOfBirthFuture";
  if (year < Number(today.slice(0, 4)) - 130) return "dateOfBirthTooOld";
  return null;
}

/** What can be wrong with a stated permit expiry date, one translation key of "validation" each. */
export const PERMIT_EXPIRY_PROBLEMS = ["permitExpiryIncomplete", "permitExpiryInvalid", "permitExpiryTooFar", "permitExpiryTooOld"] as const;

export type PermitExpiryProblem = (typeof PERMIT_EXPIRY_PROBLEMS)[number];

/** A stated expiry further from today than this, ahead or back, is a typing error rather than a permit's date. */
export const PERMIT_EXPIRY_YEARS = 10;

/**
 * The problem of a permit's expiry date "YYYY-MM-DD" (the field is optional: the caller passes only a date that was
 * entered), or null for a real date within PERMIT_EXPIRY_YEARS of `today`, the office's local date. A date in the
 * past is fine: an expired permit is the most urgent case.
 */
export function permitExpiryProblem(value: string, today: string): PermitExpiryProblem | null {
  const parts = /^([^-]*)-([^-]*)-([^-]*)$/.exec(value);
  if (parts && parts.slice(1).some((p) => p === "")) return "permitExpiryIncomplete";
  if (!parts || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return "permitExpiryInvalid";
  const [, y, m, d] = parts.map(Number);
  const daysInMonth = m === 2 ? (isLeapYear(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth) return "permitExpiryInvalid";
  const year = Number(today.slice(0, 4));
  if (value > `${year + PERMIT_EXPIRY_YEARS}${today.slice(4)}`) return "permitExpiryTooFar";
  if (value < `${year - PERMIT_EXPIRY_YEARS}${today.slice(4)}`) return "permitExpiryTooOld";
  return null;
}
