import { holidayRegionOf, publicHolidays, upcomingHolidays } from "@/lib/server/services/capacity/public-holidays";

// The statutory public holidays of Rhineland-Palatinate in 2027, as the state publishes them.
const RP_2027: Array<[string, string]> = [
  ["2027-01-01", "Neujahr"],
  ["2027-03-26", "Karfreitag"],
  ["2027-03-29", "Ostermontag"],
  ["2027-05-01", "Tag der Arbeit"],
  ["2027-05-06", "Christi Himmelfahrt"],
  ["2027-05-17", "Pfingstmontag"],
  ["2027-05-27", "Fronleichnam"],
  ["2027-10-03", "Tag der Deutschen Einheit"],
  ["2027-11-01", "Allerheiligen"],
  ["2027-12-25", "1. Weihnachtstag"],
  ["2027-12-26", "2. Weihnachtstag"],
];

describe("public holidays of Rhineland-Palatinate", () => {
  const holidays = publicHolidays("DE-RP", "2027-01-01", "2027-12-31");

  it("2027 are exactly the official list, by date", () => {
    expect(holidays.map((h) => h.date)).toEqual(RP_2027.map(([date]) => date));
  });

  it("carry their German names (1 May is called Maifeiertag by the library)", () => {
    const names = new Map(holidays.map((h) => [h.date, h.name]));
    for (const [date, name] of RP_2027) {
      if (date === "2027-05-01") expect(names.get(date)).toMatch(/Maifeiertag|Tag der Arbeit/);
      else expect(names.get(date)).toBe(name);
    }
  });

  it("leave out observances and half days that are no public holidays", () => {
    const dates = holidays.map((h) => h.date);
    for (const notOne of ["2027-02-08", "2027-03-28", "2027-05-16", "2027-11-17", "2027-12-24", "2027-12-31"]) {
      expect(dates).not.toContain(notOne);
    }
  });

  it("differ from a state with other holidays (Bavaria keeps Heilige Drei Könige, RP does not)", () => {
    expect(publicHolidays("DE-BY", "2027-01-06", "2027-01-06").map((h) => h.date)).toEqual(["2027-01-06"]);
    expect(publicHolidays("DE-RP", "2027-01-06", "2027-01-06")).toEqual([]);
  });

  it("the next twelve months cross the turn of the year", () => {
    const next = upcomingHolidays("DE-RP", "2027-11-15");
    expect(next[0]).toMatchObject({ date: "2027-12-25" });
    expect(next.map((h) => h.date)).toContain("2028-01-01");
    expect(next.every((h) => h.date >= "2027-11-15" && h.date <= "2028-11-14")).toBe(true);
  });

  it("the demo office is in Rhineland-Palatinate, and so is any office without its own entry", () => {
    expect(holidayRegionOf({ holidayRegion: "DE-RP" })).toBe("DE-RP");
    expect(holidayRegionOf({ holidayRegion: "DE-BY" })).toBe("DE-BY");
  });
});
