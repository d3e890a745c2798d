import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { buttonPrimary, buttonSecondary } from "@/components/ui/styles";
import { getDb } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { pairDemo } from "./actions";

// Development: pair this browser as an office's demo kiosk or display without a code. Never in production.
export const dynamic = "force-dynamic";
export const metadata = { robots: { index: false } };

export default async function DevDevicesPage() {
  if (env().NODE_ENV === "production") notFound();
  const t = await getTranslations("devices.dev");
  const offices = await getDb().office.findMany({ orderBy: { name: "asc" }, select: { slug: true, name: true } });
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p>{t("intro")}</p>
      {offices.length === 0 && <p>{t("none")}</p>}
      <ul className="space-y-4">
        {offices.map((office) => (
          <li key={office.slug} className="rounded border border-line bg-white p-4">
            <h2 className="text-lg font-bold">{office.name}</h2>
            <div className="mt-2 flex flex-wrap gap-2">
              <form action={pairDemo.bind(null, office.slug, "KIOSK")}>
                <button type="submit" className={buttonSecondary}>
                  {t("kiosk")}
                </button>
              </form>
              <form action={pairDemo.bind(null, office.slug, "DISPLAY")}>
                <button type="submit" className={buttonPrimary}>
                  {t("display")}
                </button>
              </form>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
