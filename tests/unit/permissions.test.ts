import { type Actor, canEditCatalogueTexts, canGlobally, canOnOffice, type OfficeAction } from "@/lib/server/auth/permissions";

const A = "office-a";
const B = "office-b";
const clerkOfA: Actor = { id: "c", role: "CLERK", officeIds: [A] };
const officeAdminOfA: Actor = { id: "o", role: "OFFICE_ADMIN", officeIds: [A] };
const admin: Actor = { id: "a", role: "ADMIN", officeIds: [] };

// Expected answers for office A (the actor's own) and office B (someone else's).
const table: Array<[Actor, OfficeAction, boolean, boolean]> = [
  [clerkOfA, "bookings:work", true, false],
  [clerkOfA, "capacity:edit", true, false],
  [clerkOfA, "holidays:manage", false, false],
  [clerkOfA, "audit:read", false, false],
  [clerkOfA, "office:settings", false, false],
  [clerkOfA, "services:manage", false, false],
  [clerkOfA, "legal:office", false, false],
  [clerkOfA, "outbox:manage", false, false],
  [clerkOfA, "evaluation:office", false, false],
  [clerkOfA, "devices:manage", false, false],
  [clerkOfA, "webhooks:manage", false, false],
  [officeAdminOfA, "bookings:work", true, false],
  [officeAdminOfA, "capacity:edit", true, false],
  [officeAdminOfA, "holidays:manage", true, false],
  [officeAdminOfA, "audit:read", true, false],
  [officeAdminOfA, "office:settings", true, false],
  [officeAdminOfA, "services:manage", true, false],
  [officeAdminOfA, "legal:office", true, false],
  [officeAdminOfA, "outbox:manage", true, false],
  [officeAdminOfA, "evaluation:office", true, false],
  [officeAdminOfA, "devices:manage", true, false],
  // Where booking events and personal data leave the system is the administration's decision.
  [officeAdminOfA, "webhooks:manage", false, false],
  [admin, "bookings:work", true, true],
  [admin, "capacity:edit", true, true],
  [admin, "holidays:manage", true, true],
  [admin, "audit:read", true, true],
  [admin, "office:settings", true, true],
  [admin, "services:manage", true, true],
  [admin, "legal:office", true, true],
  [admin, "outbox:manage", true, true],
  [admin, "evaluation:office", true, true],
  [admin, "devices:manage", true, true],
  [admin, "webhooks:manage", true, true],
];

describe.each(table)("%o doing %s", (actor, action, onOwn, onOther) => {
  it(`on its own office: ${onOwn}, on another office: ${onOther}`, () => {
    expect(canOnOffice(actor, action, A)).toBe(onOwn);
    expect(canOnOffice(actor, action, B)).toBe(onOther);
  });
});

it("only administrators manage offices, users and the site's legal texts", () => {
  for (const action of ["offices:manage", "users:manage", "evaluation:all", "legal:site", "branding:manage", "catalogue:manage"] as const) {
    expect(canGlobally(admin, action)).toBe(true);
    expect(canGlobally(officeAdminOfA, action)).toBe(false);
    expect(canGlobally(clerkOfA, action)).toBe(false);
  }
});

it("a catalogue entry's shared texts: an office's head only while no other office offers it; administrators always", () => {
  expect(canEditCatalogueTexts(officeAdminOfA, [A])).toBe(true);
  expect(canEditCatalogueTexts(officeAdminOfA, [A, B])).toBe(false);
  expect(canEditCatalogueTexts(officeAdminOfA, [B])).toBe(false);
  expect(canEditCatalogueTexts(officeAdminOfA, [])).toBe(false);
  expect(canEditCatalogueTexts(clerkOfA, [A])).toBe(false);
  expect(canEditCatalogueTexts(admin, [A, B])).toBe(true);
  expect(canEditCatalogueTexts({ id: "h", role: "OFFICE_ADMIN", officeIds: [A, B] }, [A, B])).toBe(true);
});
