import { getTranslations, setRequestLocale } from "next-intl/server";
import { OfficeText } from "@/components/booking/office-address";
import { Link } from "@/lib/i18n/navigation";
import { getDb } from "@/lib/server/db";
import { listBookableOffices } from "@/lib/server/services/office-readiness";
import { groupByDepartment } from "@/lib/server/services/offices/departments";

// The directory of offices that take online bookings, read per request: an office appears as soon as it has an
// active service and a clerk planned within its booking horizon, and disappears when deactivated.

type Office = Awaited<ReturnType<typeof listBookableOffices>>[number];

/** Sections as the city's site has them: one per department, then offices without one under their authority. */
function sectionsOf(offices: Office[]): Array<{ title: string; offices: Office[] }> {
  return groupByDepartment(offices).flatMap(({ department, offices: list }) => {
    if (department !== null) return [{ title: department, offices: list }];
    const byAuthority = new Map<string, Office[]>();
    for (const office of list)
      byAuthority.set(office.authority, [...(byAuthority.get(office.authority) ?? []), office]);
    return [...byAuthority].map(([title, rest]) => ({ title, offices: rest }));
  });
}

export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("common.home");
  const td = await getTranslations("directory");
  const offices = await listBookableOffices(getDb(), new Date());
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="text-lg">{t("intro")}</p>
      <section aria-labelledby="directory-title" className="rounded border-s-4 border-brand bg-[#e8f0f8] p-4">
        <h2 id="directory-title" className="text-xl font-bold">
          {td("homeTitle")}
        </h2>
        <p className="mb-2">{td("homeIntro")}</p>
        <Link href="/leistungen" className="inline-flex min-h-11 items-center text-lg font-semibold text-brand underline">
          {td("homeLink")}
        </Link>
      </section>
      <h2 className="text-2xl font-bold">{t("offices")}</h2>
      {offices.length === 0 && <p>{t("none")}</p>}
      {sectionsOf(offices).map(({ title, offices: list }, i) => (
        <section key={`${i}-${title}`} aria-labelledby={`dep-${i}`}>
          <h3 id={`dep-${i}`} className="mb-2 text-lg font-semibold text-muted">
            <OfficeText pageLocale={locale}>{title}</OfficeText>
          </h3>
          <ul className="space-y-3">
            {list.map((office) => (
              <li key={office.id} className="rounded border border-line bg-white">
                <Link href={`/${office.slug}`} className="block p-4 hover:bg-[#e8f0f8]">
                  <OfficeText pageLocale={locale} className="block text-xl font-bold text-brand underline">
                    {office.name}
                  </OfficeText>
                  <OfficeText pageLocale={locale} className="block">
                    {office.authority}, {office.street}, {office.postalCode} {office.locality}
                  </OfficeText>
                  <span className="block text-muted">{t("servicesCount", { count: office.services.length })}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
