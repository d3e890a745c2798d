import {
  counterMayCall,
  expectedServeMinutes,
  nextTicket,
  waitingOrder,
  type QueueCounter,
  type QueueTicket,
} from "@/lib/domain/queue";
import { at } from "../../helpers/office-fixture";

// The queue rule with a pinned clock: Monday 1 March 2027 in Europe/Berlin, an office with a tolerance of 10
// minutes. Appointments T (due at their time), walk-ins W (in arrival order, urgent first).

const DAY = "2027-03-01";
const NOW = at(DAY, "09:00");
const RULES = { callToleranceMinutes: 10 };
const ALL: QueueCounter = { id: "platz-1", serviceIds: [] };

let n = 0;
function appointment(due: string, extra: Partial<QueueTicket> = {}): QueueTicket {
  n++;
  return {
    id: `T${n}`,
    kind: "APPOINTMENT",
    status: "WAITING",
    serviceId: "ausweis",
    number: n,
    urgent: false,
    dueAt: at(DAY, due),
    arrivedAt: at(DAY, "08:30"),
    forwardedToCounterId: null,
    serveMinutes: 15,
    ...extra,
  };
}
function walkIn(arrived: string, extra: Partial<QueueTicket> = {}): QueueTicket {
  n++;
  return {
    id: `W${n}`,
    kind: "WALK_IN",
    status: "WAITING",
    serviceId: "ausweis",
    number: n,
    urgent: false,
    dueAt: null,
    arrivedAt: at(DAY, arrived),
    forwardedToCounterId: null,
    serveMinutes: 15,
    ...extra,
  };
}
const next = (tickets: QueueTicket[], now = NOW, counter = ALL, rules = RULES) => {
  const call = nextTicket(tickets, counter, rules, now);
  return call && { id: call.ticket.id, reason: call.reason };
};

describe("appointments at their time", () => {
  it("calls a due appointment before any walk-in, even one who came long before", () => {
    const w = walkIn("08:00");
    const t = appointment("09:00");
    expect(next([w, t])).toEqual({ id: t.id, reason: "due" });
  });

  it("calls the earliest due appointment first, a late check-in included", () => {
    const later = appointment("08:50", { arrivedAt: at(DAY, "08:40") });
    const earlier = appointment("08:30", { arrivedAt: at(DAY, "08:55") });
    expect(next([later, earlier])).toEqual({ id: earlier.id, reason: "due" });
  });

  it("counts an appointment as due from the very minute of its time, not a millisecond before", () => {
    const t = appointment("09:00");
    const w = walkIn("08:00", { serveMinutes: 5 });
    expect(next([w, t], new Date(NOW.getTime() - 1))).toEqual({ id: w.id, reason: "walk-in" });
    expect(next([w, t], NOW)).toEqual({ id: t.id, reason: "due" });
  });

  it("ignores tickets that are not waiting: called, parked, finished", () => {
    const tickets = (["CALLED", "PARKED", "SERVED", "NO_SHOW", "CANCELLED"] as const).map((status) => appointment("08:00", { status }));
    expect(next(tickets)).toBeNull();
    expect(next([])).toBeNull();
  });
});

describe("early arrivals", () => {
  it("wait while a walk-in fits in the gap before their time", () => {
    const t = appointment("09:30");
    const w = walkIn("08:45");
    expect(next([t, w])).toEqual({ id: w.id, reason: "walk-in" });
  });

  it("are taken early when nothing else is waiting for the counter (the clerk is idle)", () => {
    const later = appointment("10:00");
    const sooner = appointment("09:20");
    expect(next([later, sooner])).toEqual({ id: sooner.id, reason: "early" });
  });

  it("are taken early when the only walk-in waits for a service this counter does not serve", () => {
    const t = appointment("09:40");
    const w = walkIn("08:00", { serviceId: "gewerbe" });
    expect(next([t, w], NOW, { id: "platz-1", serviceIds: ["ausweis"] })).toEqual({ id: t.id, reason: "early" });
  });
});

describe("walk-ins fill the gaps", () => {
  it("in arrival order", () => {
    const second = walkIn("08:20");
    const first = walkIn("08:10");
    const third = walkIn("08:40");
    expect(next([second, third, first])).toEqual({ id: first.id, reason: "walk-in" });
  });

  it("urgent tickets first, then arrival order among the urgent ones", () => {
    const early = walkIn("08:00");
    const urgentLate = walkIn("08:50", { urgent: true });
    const urgentEarlier = walkIn("08:40", { urgent: true });
    expect(next([early, urgentLate, urgentEarlier])).toEqual({ id: urgentEarlier.id, reason: "walk-in" });
  });

  it("an urgent walk-in still does not go before a due appointment", () => {
    const urgent = walkIn("08:00", { urgent: true });
    const t = appointment("08:55");
    expect(next([urgent, t])).toEqual({ id: t.id, reason: "due" });
  });

  it("the waiting line works off as the rule calls: due appointment, walk-ins in the gap, the next appointment on time", () => {
    // 09:00 T1 (15 min) -> 09:15 W1 (15) -> 09:30 T2 due -> 09:45 W2.
    const t1 = appointment("09:00");
    const t2 = appointment("09:30");
    const w1 = walkIn("08:10");
    const w2 = walkIn("08:20");
    expect(waitingOrder([w2, t2, w1, t1], ALL, RULES, NOW).map((t) => t.id)).toEqual([t1.id, w1.id, t2.id, w2.id]);
  });
});

describe("the tolerance: a walk-in never pushes a waiting appointment past its time + tolerance", () => {
  // Appointment at 09:20, tolerance 10: it must be called by 09:30.
  const t = () => appointment("09:20");

  it("takes the walk-in when it ends exactly at the appointment's latest call (the edge is allowed)", () => {
    const appt = t();
    const w = walkIn("08:00", { serveMinutes: 30 }); // 09:00 + 30 = 09:30 = 09:20 + 10
    expect(next([appt, w])).toEqual({ id: w.id, reason: "walk-in" });
  });

  it("calls the appointment first when the walk-in would end one minute past it", () => {
    const appt = t();
    const w = walkIn("08:00", { serveMinutes: 31 });
    expect(next([appt, w])).toEqual({ id: appt.id, reason: "protected" });
  });

  it("moves the edge with the office's tolerance", () => {
    const appt = t();
    const w = walkIn("08:00", { serveMinutes: 31 });
    expect(next([appt, w], NOW, ALL, { callToleranceMinutes: 11 })).toEqual({ id: w.id, reason: "walk-in" });
    expect(next([appt, w], NOW, ALL, { callToleranceMinutes: 0 })).toEqual({ id: appt.id, reason: "protected" });
    // Tolerance 0: a walk-in that ends at the appointment's time exactly still fits.
    const short = walkIn("08:00", { serveMinutes: 20 });
    expect(next([appt, short], NOW, ALL, { callToleranceMinutes: 0 })).toEqual({ id: short.id, reason: "walk-in" });
  });

  it("protects against an urgent walk-in too", () => {
    const appt = t();
    const urgent = walkIn("08:59", { urgent: true, serveMinutes: 45 });
    expect(next([appt, urgent])).toEqual({ id: appt.id, reason: "protected" });
  });

  it("protects the earliest appointment that would be pushed, and only appointments of this counter", () => {
    const later = appointment("09:25");
    const sooner = appointment("09:20");
    const elsewhere = appointment("09:05", { serviceId: "gewerbe" });
    const w = walkIn("08:00", { serveMinutes: 40 });
    const counter = { id: "platz-1", serviceIds: ["ausweis"] };
    expect(next([later, sooner, elsewhere, w], NOW, counter)).toEqual({ id: sooner.id, reason: "protected" });
    // The other service's appointment would be pushed, but this counter does not serve it: the walk-in fits here.
    const shortWalkIn = walkIn("08:00", { serveMinutes: 20 });
    expect(next([elsewhere, shortWalkIn], NOW, counter)).toEqual({ id: shortWalkIn.id, reason: "walk-in" });
  });

  it("uses the walk-in's expected time for all its persons", () => {
    expect(expectedServeMinutes({ durationMinutes: 15, extraPersonMinutes: 10 }, 3)).toBe(35);
    expect(expectedServeMinutes({ durationMinutes: 15, extraPersonMinutes: 10 }, 1)).toBe(15);
  });
});

describe("a counter calls only what it serves", () => {
  const ausweisOnly: QueueCounter = { id: "platz-2", serviceIds: ["ausweis"] };

  it("never a ticket of another service, however long it waited", () => {
    const other = walkIn("07:50", { serviceId: "gewerbe" });
    const dueOther = appointment("08:30", { serviceId: "gewerbe" });
    expect(next([other, dueOther], NOW, ausweisOnly)).toBeNull();
    const mine = walkIn("08:55");
    expect(next([other, dueOther, mine], NOW, ausweisOnly)).toEqual({ id: mine.id, reason: "walk-in" });
  });

  it("a counter without services serves all of them", () => {
    const other = walkIn("07:50", { serviceId: "gewerbe" });
    expect(next([other], NOW, ALL)).toEqual({ id: other.id, reason: "walk-in" });
  });

  it("a forwarded ticket only at its target counter", () => {
    const forwarded = walkIn("08:00", { forwardedToCounterId: "platz-3" });
    expect(next([forwarded], NOW, ALL)).toBeNull();
    expect(next([forwarded], NOW, { id: "platz-3", serviceIds: [] })).toEqual({ id: forwarded.id, reason: "walk-in" });
    // ... and only if that counter serves its service.
    expect(counterMayCall({ id: "platz-3", serviceIds: ["gewerbe"] }, forwarded)).toBe(false);
  });

  it("a forwarded appointment is due again at once at its target", () => {
    const forwarded = appointment("08:40", { forwardedToCounterId: "platz-3", serviceId: "gewerbe" });
    const w = walkIn("07:00", { serviceId: "gewerbe" });
    expect(next([w, forwarded], NOW, { id: "platz-3", serviceIds: ["gewerbe"] })).toEqual({ id: forwarded.id, reason: "due" });
  });
});
