import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { BrandingForm } from "@/components/admin/branding-form";
import { Alert } from "@/components/ui/alert";
import { BRANDING_LIMITS } from "@/lib/schemas/branding";
import { canGlobally } from "@/lib/server/auth/permissions";
import { pageStaff } from "@/lib/server/page-guards";
import { LOGO_MAX_BYTES } from "@/lib/server/security/logo-file";
import { pageBranding } from "@/lib/server/services/branding/page-branding";
import { brandingAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("branding");
  return { title: t("title") };
}

/** The city's look, for administrators: names, primary colour, logo and footer contact, with a live preview. */
export default async function BrandingPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (!canGlobally(await pageStaff(), "branding:manage")) forbidden();
  const q = await searchParams;
  const t = await getTranslations("branding");
  const branding = await pageBranding();
  return (
    <div className="max-w-4xl space-y-6">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      {q.gespeichert && <Alert kind="success">{t("saved")}</Alert>}
      <p>{t("intro")}</p>
      <BrandingForm
        action={brandingAction}
        initial={{
          cityName: branding?.cityName ?? "",
          siteTitle: branding?.siteTitle ?? "",
          primaryColor: branding?.primaryColor ?? "",
          logoAlt: branding?.logo?.alt ?? "",
          footerContact: branding?.footerContact ?? "",
        }}
        currentLogo={branding?.logo?.url ?? null}
        limits={{ ...BRANDING_LIMITS, logoKiloBytes: LOGO_MAX_BYTES / 1024 }}
      />
    </div>
  );
}
