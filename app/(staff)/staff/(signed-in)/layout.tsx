import { redirect } from "next/navigation";
import { StaffHeader, type StaffSection } from "@/components/staff/staff-header";
import { canGlobally, canOnOffice } from "@/lib/server/auth/permissions";
import { currentStaff, type StaffContext } from "@/lib/server/auth/session";

export const dynamic = "force-dynamic";

/** The staff area's sections, each shown only to those who may use it (the pages and actions check again). */
function sectionsFor(staff: StaffContext): StaffSection[] {
  // Heads of an office administer its settings and services, see its evaluation and add to its legal texts.
  const headsAnOffice = staff.officeIds.some((id) => canOnOffice(staff, "office:settings", id));
  const admin = canGlobally(staff, "offices:manage");
  return [
    { key: "home", href: "/staff", show: true, exact: true },
    { key: "offices", href: "/staff/verwaltung/behoerden", show: admin || headsAnOffice },
    { key: "staff", href: "/staff/verwaltung/personal", show: canGlobally(staff, "users:manage") },
    { key: "evaluation", href: "/staff/auswertung", show: canGlobally(staff, "evaluation:all") || headsAnOffice },
    { key: "legal", href: "/staff/verwaltung/rechtstexte", show: admin || headsAnOffice },
  ].filter((s) => s.show);
}

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const staff = await currentStaff();
  // The proxy lets a request with a session cookie through; here the session turned out to be over (expired,
  // password changed, account deactivated), so the login page says why.
  if (!staff) redirect("/staff/login?error=SessionExpired");
  return (
    <>
      <StaffHeader name={staff.name} role={staff.role} sections={sectionsFor(staff)} />
      <main id="inhalt" tabIndex={-1} className="mx-auto w-full max-w-6xl px-4 py-6 outline-none">
        {children}
      </main>
    </>
  );
}
