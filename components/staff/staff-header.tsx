import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { StaffContext } from "@/lib/server/auth/session";
import { SignOutButton } from "./sign-out-button";

export async function StaffHeader({ staff }: { staff: StaffContext }) {
  const t = await getTranslations("staff");
  return (
    <header className="bg-brand text-white print:hidden">
      <nav aria-label={t("nav.label")} className="mx-auto flex max-w-6xl flex-wrap items-center gap-4 px-4 py-2">
        <Link href="/staff" className="text-lg font-bold underline-offset-4 hover:underline">
          {t("title")}
        </Link>
        <span className="ms-auto text-sm">
          {t("nav.signedInAs", { name: staff.name })} · {t(`roles.${staff.role}`)}
        </span>
        <SignOutButton />
      </nav>
    </header>
  );
}
