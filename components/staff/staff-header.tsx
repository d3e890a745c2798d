import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { StaffNavLink } from "@/components/admin/staff-nav-link";
import { SignOutButton } from "./sign-out-button";

/** One section of the staff area; `key` names its label (admin.nav), `exact` marks it current on its own page only. */
export interface StaffSection {
  key: string;
  href: string;
  exact?: boolean;
}

/** The staff area's header with the sections the layout found the member may use. */
export async function StaffHeader({ name, role, sections }: { name: string; role: string; sections: StaffSection[] }) {
  const t = await getTranslations("staff");
  const ta = await getTranslations("admin.nav");
  return (
    <header className="bg-brand text-white print:hidden">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-1 px-4 pt-2">
        <Link href="/staff" className="text-lg font-bold underline-offset-4 hover:underline">
          {t("title")}
        </Link>
        <span className="ms-auto text-sm">
          {t("nav.signedInAs", { name })} · {t(`roles.${role}`)}
        </span>
        <SignOutButton />
      </div>
      <nav aria-label={t("nav.label")} className="mx-auto max-w-6xl px-4">
        <ul className="flex flex-wrap gap-x-5">
          {sections.map((s) => (
            <li key={s.key}>
              <StaffNavLink href={s.href} label={ta(s.key)} exact={s.exact} />
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
