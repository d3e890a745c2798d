import "server-only";
import { forbidden, notFound, redirect } from "next/navigation";
import { currentStaff } from "@/lib/server/auth/session";
import { isAppError } from "@/lib/server/errors";

// What a staff page does before it renders: who is signed in, and its service call's refusals as the shared 404 and
// 403 pages.

/** The signed-in staff member for a page; the signed-in layout already sent everyone else to the login. */
export async function pageStaff() {
  const staff = await currentStaff();
  if (!staff) redirect("/staff/login");
  return staff;
}

const NOT_FOUND = new Set(["OFFICE_NOT_FOUND", "BOOKING_NOT_FOUND", "SERVICE_NOT_FOUND"]);

/**
 * Runs a page's service call: unknown offices and bookings become the 404 page, a refusal the 403 page (the same
 * for every office, so it reveals nothing), other problems a code for the page to show.
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
