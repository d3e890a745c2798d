import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { StaffNavLink } from "@/components/admin/staff-nav-link";
import { canGlobally, canOnOffice } from "@/lib/server/auth/permissions";
import type { StaffContext } from "@/lib/server/auth/session";
import { SignOutButton } from "./sign-out-button";

/** The staff area's sections, each shown only to those who may use it (the pages and actions check again). */
function sectionsFor(staff: StaffContext) {
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

export async function StaffHeader({ staff }: { staff: StaffContext }) {
  const t = await getTranslations("staff");
  const ta = await getTranslations("admin.nav");
  return (
    <header className="bg-brand text-white print:hidden">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-1 px-4 pt-2">
        <Link href="/staff" className="text-lg font-bold underline-offset-4 hover:underline">
          {t("title")}
        </Link>
        <span className="ms-auto text-sm">
          {t("nav.signedInAs", { name: staff.name })} · {t(`roles.${staff.role}`)}
        </span>
        <SignOutButton />
      </div>
      <nav aria-label={t("nav.label")} className="mx-auto max-w-6xl px-4">
        <ul className="flex flex-wrap gap-x-5">
          {sectionsFor(staff).map((s) => (
            <li key={s.key}>
              <StaffNavLink href={s.href} label={ta(s.key)} exact={s.exact} />
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
