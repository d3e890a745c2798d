import { type BookingStatusName } from "@/lib/domain/booking-status";
import { OCCUPYING_STATUSES, STILL_TO_SERVE_STATUSES, occupiesClerk } from "@/lib/domain";
import { BERLIN, office } from "../../helpers/scenario";

// Which bookings take a clerk, asked on Monday 2 March 2026 at 10:00 about an appointment of 09:00-09:30 (now past)
// and one of 11:00-11:30 (ahead).

const berlin = office(BERLIN);
const NOW = new Date(berlin.instant("2026-03-02 10:00"));
const ALL: BookingStatusName[] = ["HELD", "CONFIRMED", "ARRIVED", "SERVED", "NO_SHOW", "CANCELLED"];

describe("a booking occupies its clerk", () => {
  it("whatever was recorded at it, as long as it is not cancelled", () => {
    const occupying = ALL.filter((status) => occupiesClerk({ status, holdExpiresAt: null }, NOW));
    expect(occupying).toEqual(["CONFIRMED", "ARRIVED", "SERVED", "NO_SHOW"]);
    expect([...OCCUPYING_STATUSES]).toEqual(occupying);
  });

  it("as a hold only until the hold expires", () => {
    const until = (time: string) => ({ status: "HELD", holdExpiresAt: new Date(berlin.instant(`2026-03-02 ${time}`)) });
    expect(occupiesClerk(until("10:01"), NOW)).toBe(true);
    expect(occupiesClerk(until("10:00"), NOW)).toBe(false);
  });
});

describe("the appointments a capacity change can displace", () => {
  it("are the confirmed and the arrived ones: served and missed ones need no clerk any more, holds are no appointments yet", () => {
    expect([...STILL_TO_SERVE_STATUSES]).toEqual(["CONFIRMED", "ARRIVED"]);
    expect(STILL_TO_SERVE_STATUSES.every((s) => (OCCUPYING_STATUSES as readonly string[]).includes(s))).toBe(true);
  });
});
