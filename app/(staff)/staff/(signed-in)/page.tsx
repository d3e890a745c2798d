import Link from "@/components/ui/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { canOnOffice } from "@/lib/server/auth/permissions";
import { currentStaff } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db";
import { officesOf } from "@/lib/server/services/staff-offices";

export default async function StaffHomePage() {
  const staff = (await currentStaff())!;
  const t = await getTranslations("staff.home");
  const tOutbox = await getTranslations("outbox");
  const tRounds = await getTranslations("roundsStaff");
  const tWaitlist = await getTranslations("staffWaitlist");
  const tDevices = await getTranslations("devices");
  const tFeeds = await getTranslations("feeds");
  const tWebhooks = await getTranslations("webhooks");
  const tCounter = await getTranslations("counter");
  const offices = await officesOf(getDb(), staff);
  // A clerk of one office starts every day on that office's list of today; a list of one office is a detour.
  if (staff.role === "CLERK" && offices.length === 1) redirect(`/staff/${offices[0].slug}`);
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <h2 className="text-xl font-bold">{t("offices")}</h2>
      {offices.length === 0 && <p>{t("none")}</p>}
      <ul className="grid gap-4 sm:grid-cols-2">
        {offices.map((office) => (
          <li key={office.id} className="rounded border border-line bg-white p-4">
            <p className="text-lg font-bold">{office.name}</p>
            <p className="text-muted">{office.authority}</p>
            <ul className="mt-2 space-y-1">
              <li>
                <Link className="inline-flex min-h-11 items-center text-brand underline" href={`/staff/${office.slug}`}>
                  {t("agenda")}
                </Link>
              </li>
              <li>
                <Link className="inline-flex min-h-11 items-center text-brand underline" href={`/staff/${office.slug}/schalter`}>
                  {tCounter("link")}
                </Link>
              </li>
              <li>
                <Link className="inline-flex min-h-11 items-center text-brand underline" href={`/staff/${office.slug}/kalender`}>
                  {t("calendar")}
                </Link>
              </li>
              <li>
                <Link className="inline-flex min-h-11 items-center text-brand underline" href={`/staff/${office.slug}/warteliste`}>
                  {tWaitlist("link")}
                </Link>
              </li>
              {canOnOffice(staff, "audit:read", office.id) && (
                <li>
                  <Link className="inline-flex min-h-11 items-center text-brand underline" href={`/staff/${office.slug}/protokoll`}>
                    {t("audit")}
                  </Link>
                </li>
              )}
              {canOnOffice(staff, "office:settings", office.id) && (
                <li>
                  <Link className="inline-flex min-h-11 items-center text-brand underline" href={`/staff/${office.slug}/runden`}>
                    {tRounds("link")}
                  </Link>
                </li>
              )}
              {canOnOffice(staff, "outbox:manage", office.id) && (
                <li>
                  <Link className="inline-flex min-h-11 items-center text-brand underline" href={`/staff/${office.slug}/postausgang`}>
                    {tOutbox("link")}
                  </Link>
                </li>
              )}
              {canOnOffice(staff, "devices:manage", office.id) && (
                <li>
                  <Link className="inline-flex min-h-11 items-center text-brand underline" href={`/staff/${office.slug}/geraete`}>
                    {tDevices("link")}
                  </Link>
                </li>
              )}
              <li>
                <Link className="inline-flex min-h-11 items-center text-brand underline" href={`/staff/${office.slug}/kalender-abo`}>
                  {tFeeds("link")}
                </Link>
              </li>
              {canOnOffice(staff, "webhooks:manage", office.id) && (
                <li>
                  <Link className="inline-flex min-h-11 items-center text-brand underline" href={`/staff/${office.slug}/schnittstellen`}>
                    {tWebhooks("link")}
                  </Link>
                </li>
              )}
            </ul>
          </li>
        ))}
      </ul>
    </div>
  );
}
