"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";

export function SignOutButton() {
  const t = useTranslations("staff.nav");
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: "/staff/login" })}
      className="min-h-11 rounded border-2 border-white px-3 font-semibold text-white hover:bg-brand-dark"
    >
      {t("signOut")}
    </button>
  );
}
