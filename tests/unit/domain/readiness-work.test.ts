import type { ServiceSpec } from "@/lib/domain";
import { canTakeBookings } from "@/lib/domain/readiness";
import { office } from "../../helpers/scenario";

// Readiness is decided for every office on every request of the public directory and the API's office list, and an
// office that is not ready yet is searched to the end of its horizon. That search must compute each date's clerk
// capacity once, not once per active service.

let capacityDays = 0;
jest.mock("@/lib/domain/capacity", () => {
  const actual = jest.requireActual<typeof import("@/lib/domain/capacity")>("@/lib/domain/capacity");
  return {
    ...actual,
    capacityCalendar: (...args: Parameters<typeof actual.capacityCalendar>) => {
      const capacityOn = actual.capacityCalendar(...args);
      return (date: string) => {
        capacityDays++;
        return capacityOn(date);
      };
    },
  };
});

const SERVICES: ServiceSpec[] = Array.from({ length: 10 }, (_, i) => ({
  id: `dienst-${i}`,
  durationMinutes: 30,
  extraPersonMinutes: 0,
  maxPersons: 1,
}));

it("searches an office whose clerks serve no active service once through its horizon, whatever the number of services", () => {
  const { schedule, rules, now } = office()
    .rules({ bookingHorizonDays: 365, minNoticeMinutes: 0 })
    .now("2027-03-01 07:00")
    .open("Mon-Fri", "08:00-12:00", { services: ["abholung"] })
    .input();
  capacityDays = 0;
  expect(canTakeBookings({ schedule, rules, services: SERVICES, now })).toBe(false);
  expect(capacityDays).toBeLessThanOrEqual(366);
});
