import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations, setRequestLocale } from "next-intl/server";
import { FrameHeight } from "@/components/branding/frame-height";
import { SiteBrand } from "@/components/branding/site-brand";
import { LegalFooterLinks } from "@/components/legal/legal-footer-links";
import { languageAttributes, messageWithTexts, TextInLanguage } from "@/components/ui/text-in-language";
import { Link } from "@/lib/i18n/navigation";
import { directionOf, isLocale } from "@/lib/i18n/routing";
import { LanguageNotice } from "@/components/ui/language-notice";
import { LanguageSwitch } from "@/components/ui/language-switch";
import { BRANDING_STYLESHEET_PATH } from "@/lib/server/services/branding/read-branding";
import { pageBranding } from "@/lib/server/services/branding/page-branding";
import "../globals.css";

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  const site = (await pageBranding())?.siteTitle ?? t("siteName");
  return { title: { default: site, template: `%s – ${site}` }, icons: { icon: "/favicon.svg" } };
}

export default async function LocaleLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ locale: string }>;
}) {
  // Render per request: the CSP nonce is new each time, and a prerendered page would carry none.
  await connection();
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations("common");
  const messages = await getMessages();
  const branding = await pageBranding();
  // Client components only need these namespaces; the rest stays on the server.
  const clientMessages = {
    booking: messages.booking,
    validation: messages.validation,
    errors: messages.errors,
    antibot: messages.antibot,
    // The wish form (wizard and manage page) checks in the browser; the waiting list's other texts stay here.
    waitlist: { form: messages.waitlist.form, dayPart: messages.waitlist.dayPart, validation: messages.waitlist.validation },
    // The personal-data form's permit-expiry field.
    urgent: { permit: messages.urgent.permit },
  };
  return (
    <html lang={locale} dir={directionOf(locale)}>
      <body className="min-h-screen flex flex-col antialiased">
        {/* The city's primary colour: a stylesheet of the site's own, allowed by the page CSP, cached per version. */}
        {branding?.primaryColor && (
          <link rel="stylesheet" href={`${BRANDING_STYLESHEET_PATH}?v=${branding.version}`} precedence="branding" />
        )}
        <NextIntlClientProvider messages={clientMessages}>
        <a
          href="#inhalt"
          className="sr-only focus:not-sr-only focus:absolute focus:start-2 focus:top-2 focus:z-50 focus:bg-white focus:p-3"
        >
          {t("skipToContent")}
        </a>
        <header className="bg-brand text-white no-print">
          <div className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-x-4 gap-y-1 px-4 py-2">
            <Link href="/" className="inline-flex min-h-11 items-center py-1 text-xl font-bold underline-offset-4 hover:underline">
              <SiteBrand
                branding={branding}
                title={branding?.siteTitle ?? t("siteName")}
                titleLocale={branding?.siteTitle ? "de" : locale}
                locale={locale}
              />
            </Link>
            <LanguageSwitch locale={locale} />
          </div>
        </header>
        <LanguageNotice locale={locale} />
        <main id="inhalt" tabIndex={-1} className="mx-auto w-full max-w-3xl flex-1 px-4 py-6 outline-none">
          {children}
        </main>
        <footer className="border-t border-line bg-white no-print">
          <div className="mx-auto flex max-w-3xl flex-col gap-1 px-4 py-3 text-base">
            <LegalFooterLinks locale={locale} />
            {branding?.footerContact && (
              <address {...languageAttributes("de", locale)} className="whitespace-pre-line not-italic">
                {branding.footerContact}
              </address>
            )}
            <p className="text-muted">
              {branding?.cityName
                ? messageWithTexts((v) => t("footer.operatorOf", v), {
                    city: (
                      <TextInLanguage locale="de" pageLocale={locale}>
                        {branding.cityName}
                      </TextInLanguage>
                    ),
                  })
                : t("footer.operator")}
            </p>
          </div>
        </footer>
        <FrameHeight />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
