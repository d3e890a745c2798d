import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LegalTextForm } from "@/components/legal/legal-text-form";
import { PageProblem } from "@/components/staff/agenda/page-problem";
import { link } from "@/components/ui/styles";
import { LEGAL_BODY_MAX, legalTextSchema } from "@/lib/schemas/legal";
import { getDb } from "@/lib/server/db";
import { attempt, pageStaff } from "@/lib/server/page-guards";
import { editableLegalText } from "@/lib/server/services/legal/list-editable-legal-texts";
import { legalTextAction } from "../actions";

type Search = Promise<Record<string, string | string[] | undefined>>;

const keySchema = legalTextSchema.pick({ scope: true, kind: true, locale: true });

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("legal.staff");
  return { title: t("title") };
}

export default async function EditLegalTextPage({ searchParams }: { searchParams: Search }) {
  const staff = await pageStaff();
  const key = keySchema.safeParse(await searchParams);
  if (!key.success) notFound();
  const result = await attempt(() => editableLegalText(getDb(), staff, key.data));
  if (!result.ok) return <PageProblem code={result.code} />;
  const text = result.data;
  const t = await getTranslations("legal.staff");
  const tp = await getTranslations("legal.pages");
  const language = t.has(`languages.${text.locale}`) ? t(`languages.${text.locale}`) : text.locale;
  const name = text.officeName ? t("officeText", { office: text.officeName }) : tp(text.kind);
  return (
    <div className="max-w-3xl space-y-4">
      <Link href="/staff/verwaltung/rechtstexte" className={`${link} inline-flex min-h-11 items-center`}>
        {t("back")}
      </Link>
      <h1 className="text-3xl font-bold">{t("editTitle", { text: `${name} (${language})` })}</h1>
      <LegalTextForm
        action={legalTextAction}
        target={{ scope: text.scope, kind: text.kind, locale: text.locale }}
        body={text.body}
        maxLength={LEGAL_BODY_MAX}
      />
    </div>
  );
}
