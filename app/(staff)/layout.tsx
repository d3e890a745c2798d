import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { LegalFooterLinks } from "@/components/legal/legal-footer-links";
import "../globals.css";

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staff");
  return { title: { default: t("title"), template: `%s – ${t("title")}` }, robots: { index: false }, icons: { icon: "/favicon.svg" } };
}

// The staff and administration area: German, outside the public site's locale routing.
export default async function StaffRootLayout({ children }: { children: React.ReactNode }) {
  // Render per request: the CSP nonce is new each time, and a prerendered page would carry none.
  await connection();
  const t = await getTranslations("staff");
  const messages = await getMessages();
  const clientMessages = {
    staff: messages.staff,
    capacity: messages.capacity,
    agenda: messages.agenda,
    validation: messages.validation,
    errors: messages.errors,
    legal: messages.legal,
    // The devices page shows a new pairing code in the browser.
    devices: messages.devices,
    // The branding form measures the colour's contrast and previews the header as one types.
    branding: messages.branding,
  };
  return (
    <html lang="de" dir="ltr">
      <body className="min-h-screen antialiased">
        <a
          href="#inhalt"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:p-3"
        >
          {t("skipToContent")}
        </a>
        <NextIntlClientProvider messages={clientMessages}>{children}</NextIntlClientProvider>
        <footer className="mt-8 border-t border-line bg-white print:hidden">
          <div className="mx-auto max-w-6xl px-4 py-3">
            <LegalFooterLinks />
          </div>
        </footer>
      </body>
    </html>
  );
}
