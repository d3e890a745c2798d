import { redirect } from "next/navigation";
import { StaffHeader, type StaffSection } from "@/components/staff/staff-header";
import { canGlobally, canOnOffice } from "@/lib/server/auth/permissions";
import { currentStaff, type StaffContext } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db";

export const dynamic = "force-dynamic";

/** The staff area's sections, each shown only to those who may use it (the pages and actions check again). */
function sectionsFor(staff: StaffContext, counterHref: string | null, devicesHref: string | null): StaffSection[] {
  // Heads of an office administer its settings and services, see its evaluation and add to its legal texts.
  const headsAnOffice = staff.officeIds.some((id) => canOnOffice(staff, "office:settings", id));
  const admin = canGlobally(staff, "offices:manage");
  return [
    { key: "home", href: "/staff", show: true, exact: true },
    { key: "counter", href: counterHref ?? "", show: counterHref !== null },
    { key: "offices", href: "/staff/verwaltung/behoerden", show: admin || headsAnOffice },
    { key: "devices", href: devicesHref ?? "", show: devicesHref !== null },
    { key: "staff", href: "/staff/verwaltung/personal", show: canGlobally(staff, "users:manage") },
    { key: "evaluation", href: "/staff/auswertung", show: canGlobally(staff, "evaluation:all") || headsAnOffice },
    { key: "legal", href: "/staff/verwaltung/rechtstexte", show: admin || headsAnOffice },
  ].filter((s) => s.show);
}

/**
 * The counter screen of a member of exactly one office, who works its queue; members of several offices (and
 * administrators) open it from the overview, where each office lists it.
 */
async function counterScreenOf(staff: StaffContext): Promise<string | null> {
  if (staff.role === "ADMIN" || staff.officeIds.length !== 1 || !canOnOffice(staff, "bookings:work", staff.officeIds[0])) return null;
  const office = await getDb().office.findUnique({ where: { id: staff.officeIds[0] }, select: { slug: true } });
  return office ? `/staff/${office.slug}/schalter` : null;
}

/**
 * The devices page for the head of exactly one office, who sets up its kiosks and displays; administrators and
 * heads of several offices open it from the overview or the office's day list.
 */
async function devicesPageOf(staff: StaffContext): Promise<string | null> {
  if (staff.role === "ADMIN" || staff.officeIds.length !== 1 || !canOnOffice(staff, "devices:manage", staff.officeIds[0])) return null;
  const office = await getDb().office.findUnique({ where: { id: staff.officeIds[0] }, select: { slug: true } });
  return office ? `/staff/${office.slug}/geraete` : null;
}

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const staff = await currentStaff();
  // The proxy lets a request with a session cookie through; here the session turned out to be over (expired,
  // password changed, account deactivated), so the login page says why.
  if (!staff) redirect("/staff/login?error=SessionExpired");
  return (
    <>
      <StaffHeader name={staff.name} role={staff.role} sections={sectionsFor(staff, await counterScreenOf(staff), await devicesPageOf(staff))} />
      <main id="inhalt" tabIndex={-1} className="mx-auto w-full max-w-6xl px-4 py-6 outline-none">
        {children}
      </main>
    </>
  );
}
