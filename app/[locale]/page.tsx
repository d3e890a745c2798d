import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { getDb } from "@/lib/server/db";
import { listActiveOffices } from "@/lib/server/services/office-catalog";

export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("common.home");
  const offices = await listActiveOffices(getDb());
  const byDepartment = new Map<string, typeof offices>();
  for (const office of offices) {
    const key = office.department ?? office.authority;
    byDepartment.set(key, [...(byDepartment.get(key) ?? []), office]);
  }
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="text-lg">{t("intro")}</p>
      <h2 className="text-2xl font-bold">{t("offices")}</h2>
      {offices.length === 0 && <p>{t("none")}</p>}
      {[...byDepartment].map(([department, list]) => (
        <section key={department} aria-labelledby={`dep-${list[0].id}`}>
          <h3 id={`dep-${list[0].id}`} className="mb-2 text-lg font-semibold text-muted">
            {department}
          </h3>
          <ul className="space-y-3">
            {list.map((office) => (
              <li key={office.id} className="rounded border border-line bg-white">
                <Link href={`/${office.slug}`} className="block p-4 hover:bg-[#e8f0f8]">
                  <span className="block text-xl font-bold text-brand underline">{office.name}</span>
                  <bdi className="block">
                    {office.authority}, {office.street}, {office.postalCode} {office.locality}
                  </bdi>
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
