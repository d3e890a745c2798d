import Link from "next/link";
import { forbidden, notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { currentStaff } from "@/lib/server/auth/session";
import { isAppError } from "@/lib/server/errors";
import { errorText } from "./texts";

/** The signed-in staff member for a page; the signed-in layout already sent everyone else to the login. */
export async function pageStaff() {
  const staff = await currentStaff();
  if (!staff) redirect("/staff/login");
  return staff;
}

const NOT_FOUND = new Set(["OFFICE_NOT_FOUND", "BOOKING_NOT_FOUND", "SERVICE_NOT_FOUND"]);

/**
 * Runs a page's service call: unknown offices and bookings become the 404 page, a refusal the 403 page (the same
 * for every office, so it reveals nothing), other problems a message.
 */
export async function attempt<T>(load: () => Promise<T>): Promise<{ ok: true; data: T } | { ok: false; code: string }> {
  try {
    return { ok: true, data: await load() };
  } catch (e) {
    if (!isAppError(e)) throw e;
    if (NOT_FOUND.has(e.code)) notFound();
    if (e.code === "FORBIDDEN") forbidden();
    return { ok: false, code: e.code };
  }
}

/** A problem a page cannot go on with; a refusal is the shared 403 page, whatever the page. */
export async function PageProblem({ code }: { code: string }) {
  if (code === "FORBIDDEN") forbidden();
  const t = await getTranslations("agenda");
  const te = await getTranslations("errors");
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold">{t("problem.title")}</h1>
      <Alert kind="error">{errorText(t, te, code)}</Alert>
      <Link href="/staff" className="text-brand underline">
        {t("nav.overview")}
      </Link>
    </div>
  );
}
