"use server";

import { cookies } from "next/headers";
import { LANGUAGE_CHOSEN_COOKIE, isLocale } from "./routing";

/** "No, thanks" on the browser-language notice: the visitor keeps the page's language and is not asked again. */
export async function keepLanguage(formData: FormData): Promise<void> {
  const locale = formData.get("locale");
  if (typeof locale !== "string" || !isLocale(locale)) return;
  (await cookies()).set(LANGUAGE_CHOSEN_COOKIE, locale, {
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
    sameSite: "lax",
    secure: process.env.NODE_ENV === "production",
  });
}
