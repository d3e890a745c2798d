import { redirect } from "next/navigation";
import { StaffHeader, type StaffSection } from "@/components/staff/staff-header";
import { canGlobally, canOnOffice, type OfficeAction } from "@/lib/server/auth/permissions";
import { currentStaff, type StaffContext } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db";

export const dynamic = "force-dynamic";

/**
 * The staff area's sections, each shown only to those who may use it (the pages and actions check again). Pages of
 * one office (the counter screen, the devices) are sections for members of exactly one office; administrators and
 * members of several offices open them from the overview or the office's day list.
 */
function sectionsFor(staff: StaffContext, ownOffice: { id: string; slug: string } | null): StaffSection[] {
  // Heads of an office administer its settings and services, see its evaluation and add to its legal texts.
  const headsAnOffice = staff.officeIds.some((id) => canOnOffice(staff, "office:settings", id));
  const admin = canGlobally(staff, "offices:manage");
  const inOwnOffice = (action: OfficeAction) => ownOffice !== null && canOnOffice(staff, action, ownOffice.id);
  return [
    { key: "home", href: "/staff", show: true, exact: true },
    { key: "counter", href: `/staff/${ownOffice?.slug}/schalter`, show: inOwnOffice("bookings:work") },
    { key: "offices", href: "/staff/verwaltung/behoerden", show: admin || headsAnOffice },
    { key: "catalogue", href: "/staff/verwaltung/leistungen", show: canGlobally(staff, "catalogue:manage") },
    { key: "devices", href: `/staff/${ownOffice?.slug}/geraete`, show: inOwnOffice("devices:manage") },
    { key: "staff", href: "/staff/verwaltung/personal", show: canGlobally(staff, "users:manage") },
    { key: "evaluation", href: "/staff/auswertung", show: canGlobally(staff, "evaluation:all") || headsAnOffice },
    { key: "legal", href: "/staff/verwaltung/rechtstexte", show: admin || headsAnOffice },
    { key: "branding", href: "/staff/verwaltung/erscheinungsbild", show: canGlobally(staff, "branding:manage") },
  ].filter((s) => s.show);
}

/** The one office a member (not an administrator) works for, or null. */
async function ownOfficeOf(staff: StaffContext): Promise<{ id: string; slug: string } | null> {
  if (staff.role === "ADMIN" || staff.officeIds.length !== 1) return null;
  return getDb().office.findUnique({ where: { id: staff.officeIds[0] }, select: { id: true, slug: true } });
}

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const staff = await currentStaff();
  // The proxy lets a request with a session cookie through; here the session turned out to be over (expired,
  // password changed, account deactivated), so the login page says why.
  if (!staff) redirect("/staff/login?error=SessionExpired");
  return (
    <>
      <StaffHeader name={staff.name} role={staff.role} sections={sectionsFor(staff, await ownOfficeOf(staff))} />
      <main id="inhalt" tabIndex={-1} className="mx-auto w-full max-w-6xl px-4 py-6 outline-none">
        {children}
      </main>
    </>
  );
}
