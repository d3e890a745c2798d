import { fieldError } from "@/lib/server/errors";
import { type AppointmentKind, type LocalDate, parseAppointmentKinds } from "@/lib/domain";
import type { UpdateBlockInput } from "@/lib/schemas/capacity";
import type { Db, Tx } from "@/lib/server/db/client";
import { assertServicesOfOffice, planningWindow } from "./shared";

// Rules a weekly block must keep beside the office's other blocks; checked inside the change's transaction, after
// the day locks, so two colleagues cannot add the same block at the same moment.

export interface BlockShape {
  weekday: number;
  startMinute: number;
  endMinute: number;
  clerks: number;
  urgentClerks: number;
  serviceIds: string[];
  /** Empty: every kind. */
  appointmentKinds: AppointmentKind[];
  validFrom: LocalDate | null;
  validUntil: LocalDate | null;
}

function sameServices(a: readonly string[], b: readonly string[]): boolean {
  const x = [...new Set(a)].sort();
  const y = [...new Set(b)].sort();
  return x.length === y.length && x.every((id, i) => id === y[i]);
}

function validityOverlaps(a: Pick<BlockShape, "validFrom" | "validUntil">, b: Pick<BlockShape, "validFrom" | "validUntil">) {
  const aStartsBeforeBEnds = !a.validFrom || !b.validUntil || a.validFrom <= b.validUntil;
  const bStartsBeforeAEnds = !b.validFrom || !a.validUntil || b.validFrom <= a.validUntil;
  return aStartsBeforeBEnds && bStartsBeforeAEnds;
}

/**
 * Refuses a block that overlaps another block of the office on the same weekday, for the same services and kinds
 * and in an overlapping validity period: the clerk count of the existing block is what should change instead.
 * Blocks for different services or kinds may overlap (an extra clerk only for pick-ups, a back room for phone
 * appointments).
 */
export async function assertNoOverlappingBlock(tx: Tx, officeId: string, block: BlockShape, exceptId?: string) {
  const candidates = await tx.capacityBlock.findMany({
    where: {
      officeId,
      weekday: block.weekday,
      startMinute: { lt: block.endMinute },
      endMinute: { gt: block.startMinute },
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
    include: { services: { select: { id: true } } },
  });
  const clash = candidates.some(
    (c) =>
      sameServices(
        c.services.map((s) => s.id),
        block.serviceIds,
      ) &&
      sameServices(parseAppointmentKinds(c.appointmentKinds), block.appointmentKinds) &&
      validityOverlaps(c, block),
  );
  if (clash) throw fieldError("start", "overlap");
}

export function assertValidityNotOver(block: Pick<BlockShape, "validUntil">, today: LocalDate) {
  if (block.validUntil && block.validUntil < today) throw fieldError("validUntil", "validUntilPast");
}

/** What the audit log keeps of a block: times and counts, no personal data. */
export function blockDetails(block: BlockShape) {
  return {
    weekday: block.weekday,
    startMinute: block.startMinute,
    endMinute: block.endMinute,
    clerks: block.clerks,
    urgentClerks: block.urgentClerks,
    serviceIds: block.serviceIds,
    appointmentKinds: block.appointmentKinds,
    validFrom: block.validFrom,
    validUntil: block.validUntil,
  };
}

/**
 * A block as the form describes it, checked against what does not need the locks (the office's own services, a
 * validity not already over), with the planning window whose dates the change must lock.
 */
export async function checkedBlock(
  db: Db,
  office: Parameters<typeof planningWindow>[1] & { id: string },
  input: Pick<
    UpdateBlockInput,
    "weekday" | "start" | "end" | "clerks" | "urgentClerks" | "serviceIds" | "appointmentKinds" | "validFrom" | "validUntil"
  >,
  now: Date,
): Promise<{ block: BlockShape; window: { from: LocalDate; to: LocalDate } }> {
  const block: BlockShape = {
    weekday: input.weekday,
    startMinute: input.start,
    endMinute: input.end,
    clerks: input.clerks,
    urgentClerks: input.urgentClerks,
    serviceIds: input.serviceIds,
    appointmentKinds: input.appointmentKinds,
    validFrom: input.validFrom,
    validUntil: input.validUntil,
  };
  await assertServicesOfOffice(db, office.id, block.serviceIds);
  const window = await planningWindow(db, office, now);
  assertValidityNotOver(block, window.from);
  return { block, window };
}
