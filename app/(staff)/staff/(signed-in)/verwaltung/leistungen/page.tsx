import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { CatalogueList } from "@/components/admin/catalogue-list";
import { Outcome } from "@/components/admin/outcome";
import { PageProblem } from "@/components/staff/agenda/page-problem";
import { buttonPrimary } from "@/components/ui/styles";
import { getDb } from "@/lib/server/db";
import { attempt, pageStaff } from "@/lib/server/page-guards";
import { listCatalogue } from "@/lib/server/services/catalogue";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.catalogue");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The city's service catalogue: every entry, the offices offering it, and where to add one. Administrators. */
export default async function CataloguePage({ searchParams }: Props) {
  const query = await searchParams;
  const staff = await pageStaff();
  const result = await attempt(() => listCatalogue(getDb(), staff));
  if (!result.ok) return <PageProblem code={result.code} />;
  const t = await getTranslations("admin.catalogue");
  return (
    <div className="max-w-4xl space-y-6">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <Outcome query={query} />
      <p className="text-lg">{t("intro")}</p>
      <p>
        <Link href="/staff/verwaltung/leistungen/neu" className={buttonPrimary}>
          {t("create")}
        </Link>
      </p>
      <CatalogueList entries={result.data} />
    </div>
  );
}
