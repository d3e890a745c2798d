import {
  type QueueTicket,
  type QueueWaitInput,
  expectedWaitMinutes,
  measuredServingMinutes,
  queueServers,
  roundedWaitMinutes,
  walkInQueueFull,
  walkInRefusal,
} from "@/lib/domain/queue-wait";
import { BERLIN } from "@/tests/helpers/scenario";

// The day's queue at one office in Europe/Berlin, on Tuesday 10 March 2026 (CET, UTC+1): it is 10:00 local time.
const NOW = new Date("2026-03-10T09:00:00Z");
const min = (n: number) => new Date(NOW.getTime() + n * 60_000);

let seq = 0;
function ticket(overrides: Partial<QueueTicket> = {}): QueueTicket {
  seq += 1;
  return {
    id: `t${seq}`,
    serviceId: "passport",
    kind: "WALK_IN",
    status: "WAITING",
    urgent: false,
    arrivedAt: min(-30 + seq),
    number: seq,
    dueAt: null,
    firstCalledAt: null,
    ...overrides,
  };
}

function queue(overrides: Partial<QueueWaitInput> = {}): QueueWaitInput {
  return {
    now: NOW,
    tickets: [],
    appointments: [],
    servers: [{ count: 2, serviceIds: null }],
    measured: new Map(),
    durations: new Map([
      ["passport", 10],
      ["id", 10],
      ["car", 30],
    ]),
    ...overrides,
  };
}

const newWalkIn = (serviceId = "passport", urgent = false) => ({ serviceId, kind: "WALK_IN" as const, urgent, arrivedAt: NOW, dueAt: null });

describe("walkInRefusal", () => {
  const open = [{ clerks: 2, serviceIds: null }];
  const check = {
    service: { id: "passport", walkInDayParts: "MORNING" },
    office: { timeZone: BERLIN, walkInQueueLimit: 10 },
    pools: open,
    waitingWalkIns: 3,
  };
  const parts = (walkInDayParts: string) => ({ ...check, service: { id: "passport", walkInDayParts } });

  it("issues in a day part the service takes walk-ins in while a clerk serving it is on duty", () => {
    expect(walkInRefusal(check, NOW)).toBeNull();
  });

  it("refuses a service without walk-ins, and one that takes them in the other part of the day", () => {
    expect(walkInRefusal(parts(""), NOW)).toBe("WALK_IN_NOT_OFFERED");
    expect(walkInRefusal(parts("AFTERNOON"), NOW)).toBe("WALK_IN_NOT_NOW");
    // 12:00 local is the afternoon (11:00 UTC in winter).
    expect(walkInRefusal(parts("AFTERNOON"), new Date("2026-03-10T11:00:00Z"))).toBeNull();
    expect(walkInRefusal(check, new Date("2026-03-10T10:59:00Z"))).toBeNull();
    expect(walkInRefusal(check, new Date("2026-03-10T11:00:00Z"))).toBe("WALK_IN_NOT_NOW");
  });

  it("reads the day part in the office's time zone across the change to summer time", () => {
    // 30 March 2026 is CEST (UTC+2): 11:30 local is 09:30 UTC, 12:00 local is 10:00 UTC.
    expect(walkInRefusal(check, new Date("2026-03-30T09:30:00Z"))).toBeNull();
    expect(walkInRefusal(check, new Date("2026-03-30T10:00:00Z"))).toBe("WALK_IN_NOT_NOW");
  });

  it("refuses while no clerk who serves the service is on duty", () => {
    expect(walkInRefusal({ ...check, pools: [] }, NOW)).toBe("OFFICE_CLOSED_NOW");
    expect(walkInRefusal({ ...check, pools: [{ clerks: 1, serviceIds: ["car"] }] }, NOW)).toBe("OFFICE_CLOSED_NOW");
    expect(walkInRefusal({ ...check, pools: [{ clerks: 1, serviceIds: ["car", "passport"] }] }, NOW)).toBeNull();
  });

  it("refuses once as many walk-ins wait as the office's limit; 0 is no limit", () => {
    expect(walkInRefusal({ ...check, waitingWalkIns: 9 }, NOW)).toBeNull();
    expect(walkInRefusal({ ...check, waitingWalkIns: 10 }, NOW)).toBe("WALK_IN_QUEUE_FULL");
    expect(walkInQueueFull(500, 0)).toBe(false);
  });
});

describe("measuredServingMinutes", () => {
  const served = (serviceId: string, minutes: number) => ({ serviceId, firstCalledAt: min(-60), finishedAt: min(-60 + minutes) });

  it("takes the median of a service's finished tickets, so one forgotten 'Erledigt' does not count", () => {
    const measured = measuredServingMinutes([served("passport", 6), served("passport", 8), served("passport", 240), served("id", 4)]);
    expect(measured.get("passport")).toBe(8);
  });

  it("leaves out services with too few finished tickets (their booked duration stands in)", () => {
    const measured = measuredServingMinutes([served("id", 4), served("id", 6)]);
    expect(measured.has("id")).toBe(false);
    expect(expectedWaitMinutes(queue({ measured, tickets: [ticket({ serviceId: "id" }), ticket({ serviceId: "id" })] }), newWalkIn("id"))).toBe(10);
  });

  it("ignores tickets without a positive serving time", () => {
    expect(measuredServingMinutes([served("id", 0), served("id", -3), served("id", 5)]).has("id")).toBe(false);
  });
});

describe("queueServers", () => {
  it("is the office's counters, scaled down when fewer clerks are on duty than there are counters", () => {
    const counters = [{ serviceIds: [] }, { serviceIds: ["car"] }, { serviceIds: [] }, { serviceIds: [] }];
    expect(queueServers(counters, [{ clerks: 2, serviceIds: null }])).toEqual([
      { count: 0.5, serviceIds: null },
      { count: 0.5, serviceIds: ["car"] },
      { count: 0.5, serviceIds: null },
      { count: 0.5, serviceIds: null },
    ]);
    expect(queueServers(counters.slice(0, 1), [{ clerks: 3, serviceIds: null }])).toEqual([{ count: 1, serviceIds: null }]);
  });

  it("is the clerks on duty for an office without counters, and nobody while it is closed", () => {
    expect(queueServers([], [{ clerks: 2, serviceIds: ["car"] }])).toEqual([{ count: 2, serviceIds: ["car"] }]);
    expect(queueServers([{ serviceIds: [] }], [])).toEqual([]);
  });
});

describe("expectedWaitMinutes for a walk-in drawing a ticket now", () => {
  beforeEach(() => {
    seq = 0;
  });

  it("is no wait in an empty queue, and the work ahead shared by the clerks otherwise", () => {
    expect(expectedWaitMinutes(queue(), newWalkIn())).toBe(0);
    const tickets = [ticket(), ticket(), ticket(), ticket()];
    expect(expectedWaitMinutes(queue({ tickets }), newWalkIn())).toBe(20);
  });

  it("uses the measured serving time of each service ahead, the booked duration where none is measured", () => {
    const tickets = [ticket(), ticket(), ticket({ serviceId: "car" }), ticket({ serviceId: "car" })];
    expect(expectedWaitMinutes(queue({ tickets }), newWalkIn())).toBe((10 + 10 + 30 + 30) / 2);
    const measured = new Map([["passport", 4]]);
    expect(expectedWaitMinutes(queue({ tickets, measured }), newWalkIn())).toBe((4 + 4 + 30 + 30) / 2);
  });

  it("counts the rest of what the counters are serving now", () => {
    const tickets = [ticket({ status: "CALLED", firstCalledAt: min(-4) }), ticket({ status: "CALLED", firstCalledAt: min(-25) })];
    expect(expectedWaitMinutes(queue({ tickets }), newWalkIn())).toBe(3);
  });

  it("leaves out finished, parked and cancelled tickets", () => {
    const tickets = ["SERVED", "NO_SHOW", "PARKED", "CANCELLED"].map((status) => ticket({ status: status as QueueTicket["status"] }));
    expect(expectedWaitMinutes(queue({ tickets }), newWalkIn())).toBe(0);
  });

  it("adds the appointments that fall due before the walk-in would be called, and those that then fall due too", () => {
    const tickets = [ticket(), ticket()]; // 10 minutes of wait with two clerks
    const appointments = [
      { serviceId: "passport", startsAt: min(5), minutes: 20 }, // due within 10: wait becomes 20
      { serviceId: "passport", startsAt: min(15), minutes: 20 }, // due within 20: wait becomes 30
      { serviceId: "passport", startsAt: min(45), minutes: 20 }, // after the call: not ahead
    ];
    expect(expectedWaitMinutes(queue({ tickets, appointments }), newWalkIn())).toBe(30);
  });

  it("counts checked-in appointments when they fall due, not when they arrived early", () => {
    const tickets = [
      ticket({ kind: "APPOINTMENT", dueAt: min(-5) }),
      ticket({ kind: "APPOINTMENT", dueAt: min(90) }),
    ];
    expect(expectedWaitMinutes(queue({ tickets }), newWalkIn())).toBe(5);
  });

  it("puts urgent tickets ahead of a walk-in, and an urgent walk-in before the plain ones", () => {
    const tickets = [ticket(), ticket(), ticket({ urgent: true }), ticket({ urgent: true })];
    expect(expectedWaitMinutes(queue({ tickets }), newWalkIn())).toBe(20);
    expect(expectedWaitMinutes(queue({ tickets }), newWalkIn("passport", true))).toBe(10);
  });

  it("counts only the share of competing work that lands on the counters serving the walk-in's service", () => {
    // Counter 1 takes passports only, counter 2 cars only, counter 3 everything.
    const servers = [
      { count: 1, serviceIds: ["passport"] },
      { count: 1, serviceIds: ["car"] },
      { count: 1, serviceIds: null },
    ];
    const tickets = [ticket({ serviceId: "car" }), ticket({ serviceId: "car" }), ticket(), ticket()];
    // Cars: 60 minutes spread over counters 2 and 3, half of it on counter 3; passports: 20 minutes on 1 and 3.
    expect(expectedWaitMinutes(queue({ tickets, servers }), newWalkIn())).toBe((30 + 20) / 2);
    // A service only counter 2 takes does not compete with passports at all.
    const carOnly = [{ count: 1, serviceIds: ["passport"] }, { count: 1, serviceIds: ["car"] }];
    expect(expectedWaitMinutes(queue({ tickets, servers: carOnly }), newWalkIn())).toBe(20);
  });

  it("is null while no clerk on duty serves the service", () => {
    expect(expectedWaitMinutes(queue({ servers: [] }), newWalkIn())).toBeNull();
    expect(expectedWaitMinutes(queue({ servers: [{ count: 1, serviceIds: ["car"] }] }), newWalkIn())).toBeNull();
  });
});

describe("expectedWaitMinutes for a ticket in the queue", () => {
  beforeEach(() => {
    seq = 0;
  });

  it("counts the walk-ins that arrived before a waiting walk-in, not those after it, nor itself", () => {
    const tickets = [ticket(), ticket(), ticket(), ticket(), ticket()];
    const third = tickets[2];
    const subject = { ...third, ticketId: third.id };
    expect(expectedWaitMinutes(queue({ tickets }), subject)).toBe(10);
  });

  it("keeps an early appointment waiting until its time, and counts the appointments due before it", () => {
    const early = ticket({ kind: "APPOINTMENT", dueAt: min(20) });
    const tickets = [ticket(), ticket(), ticket(), ticket(), early];
    // The walk-ins fill the gaps: an appointment waits for its time only.
    expect(expectedWaitMinutes(queue({ tickets }), { ...early, ticketId: early.id })).toBe(20);
    const before = [ticket({ kind: "APPOINTMENT", dueAt: min(-10) }), ticket({ kind: "APPOINTMENT", dueAt: min(-5) })];
    const late = ticket({ kind: "APPOINTMENT", dueAt: min(0) });
    expect(expectedWaitMinutes(queue({ tickets: [...before, late], servers: [{ count: 1, serviceIds: null }] }), { ...late, ticketId: late.id })).toBe(20);
  });
});

describe("expectedWaitMinutes for tickets drawn at the same instant", () => {
  it("orders them by number", () => {
    const tickets = [1, 2, 3].map((number) => ticket({ arrivedAt: NOW, number }));
    const waits = tickets.map((t) => expectedWaitMinutes(queue({ tickets }), { ...t, ticketId: t.id }));
    expect(waits).toEqual([0, 5, 10]);
    expect(expectedWaitMinutes(queue({ tickets }), newWalkIn())).toBe(15);
  });
});

describe("roundedWaitMinutes", () => {
  it.each([
    [0, 0],
    [-3, 0],
    [0.2, 5],
    [5, 5],
    [21, 25],
    [25, 25],
  ])("%d -> %d", (minutes, expected) => {
    expect(roundedWaitMinutes(minutes)).toBe(expected);
  });
});

describe("measuredServingMinutes follows the day's pace", () => {
  it("counts only a service's latest finished tickets", () => {
    const old = Array.from({ length: 40 }, (_, i) => ({ serviceId: "id", firstCalledAt: min(-600 - i), finishedAt: min(-590 - i) }));
    const recent = Array.from({ length: 30 }, (_, i) => ({ serviceId: "id", firstCalledAt: min(-100 + i), finishedAt: min(-96 + i) }));
    expect(measuredServingMinutes([...old, ...recent]).get("id")).toBe(4);
  });
});
