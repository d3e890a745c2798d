import "server-only";
import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { loadOfficeFor } from "../staff/common";

export interface DeviceEntry {
  id: string;
  kind: "KIOSK" | "DISPLAY";
  name: string;
  /** Names of the counters a display shows; empty: all. */
  counters: string[];
  pairedAt: Date | null;
  lastSeenAt: Date | null;
  revokedAt: Date | null;
  /** An open pairing code is valid until then. */
  pairingUntil: Date | null;
}

/** The office's kiosks and displays (active first, then revoked) and its counters for the form. */
export async function listDevices(db: Db, actor: Actor, input: { officeSlug: string; now: Date }) {
  const office = await loadOfficeFor(db, actor, input.officeSlug, "devices:manage");
  const [devices, counters] = await Promise.all([
    db.device.findMany({ where: { officeId: office.id }, orderBy: [{ kind: "asc" }, { name: "asc" }, { createdAt: "asc" }] }),
    db.counter.findMany({ where: { officeId: office.id }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { id: true, name: true, active: true } }),
  ]);
  const counterName = new Map(counters.map((c) => [c.id, c.name]));
  const entries: DeviceEntry[] = devices.map((d) => ({
    id: d.id,
    kind: d.kind as DeviceEntry["kind"],
    name: d.name,
    counters: d.counterIds
      .split(",")
      .filter(Boolean)
      .map((id) => counterName.get(id))
      .filter((n): n is string => n !== undefined),
    pairedAt: d.pairedAt,
    lastSeenAt: d.lastSeenAt,
    revokedAt: d.revokedAt,
    pairingUntil: d.pairingCodeHash && d.pairingExpiresAt && d.pairingExpiresAt > input.now ? d.pairingExpiresAt : null,
  }));
  return {
    office: { id: office.id, slug: office.slug, name: office.name, authority: office.authority, timeZone: office.timeZone },
    active: entries.filter((d) => !d.revokedAt),
    revoked: entries.filter((d) => d.revokedAt),
    counters: counters.filter((c) => c.active).map(({ id, name }) => ({ id, name })),
  };
}
