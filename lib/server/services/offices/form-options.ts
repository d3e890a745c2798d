import { germanHolidayRegions, OFFICE_FIELDS, OFFICE_LIMITS, SLOT_STEPS } from "@/lib/schemas/office";
import type { Db } from "@/lib/server/db/client";
import { env } from "@/lib/server/env";
import { departmentNames } from "./list-offices";

/** What the page computes on the server for the office form (date-holidays and the zone list stay there). */
export async function officeFormOptions(
  db: Db,
  current?: { holidayRegion: string; timeZone: string },
) {
  const regions = germanHolidayRegions();
  const timeZones = Intl.supportedValuesOf("timeZone");
  // A stored value outside the lists (a region abroad, an alias such as UTC) stays selectable rather than the
  // select silently showing, and saving, its first option.
  if (current && !regions.some((r) => r.code === current.holidayRegion)) {
    regions.unshift({ code: current.holidayRegion, name: current.holidayRegion });
  }
  if (current && !timeZones.includes(current.timeZone)) timeZones.unshift(current.timeZone);
  return {
    timeZones,
    holidayRegions: regions,
    slotSteps: SLOT_STEPS,
    departments: await departmentNames(db),
    limits: OFFICE_LIMITS,
    siteUrl: env().APP_URL,
    fields: OFFICE_FIELDS,
  };
}
