import { getTranslations } from "next-intl/server";
import { OfficeText } from "@/components/booking/office-address";
import { LegalTextBody } from "./legal-text-page";

const linkClass = "text-brand underline underline-offset-2 hover:text-brand-dark break-words";

/** An office's settings that its privacy section states, and its own addition (null when it wrote none). */
interface OfficePrivacySection {
  office: {
    slug: string;
    name: string;
    authority: string;
    street: string;
    postalCode: string;
    locality: string;
    phone: string | null;
    email: string | null;
    retentionDays: number;
    reminderHours: number;
    verificationMode: string;
    holdMinutes: number;
  };
  addition: Parameters<typeof LegalTextBody>[0]["text"];
}

/**
 * One office's part of the privacy statement. The facts come from the office's settings, so they change when the
 * settings do; the office's own addition (if any) follows under the same heading.
 */
export async function OfficePrivacy({ section, locale }: { section: OfficePrivacySection; locale: string }) {
  const t = await getTranslations("legal.privacy");
  const { office, addition } = section;
  const headingId = `stelle-${office.slug}`;
  return (
    <section aria-labelledby={headingId} className="rounded border border-line bg-white p-4">
      <h3 id={headingId} className="text-xl font-bold">
        <OfficeText pageLocale={locale}>
          {office.name} ({office.authority})
        </OfficeText>
      </h3>
      <dl className="mt-2 space-y-3">
        <div>
          <dt className="font-semibold">{t("controller")}</dt>
          <dd>
            <address className="not-italic">
              <OfficeText pageLocale={locale}>
                {office.authority}, {office.name}, {office.street}, {office.postalCode} {office.locality}
              </OfficeText>
              {office.email && (
                <>
                  <br />
                  <a className={linkClass} href={`mailto:${office.email}`}>
                    {office.email}
                  </a>
                </>
              )}
              {office.phone && (
                <>
                  <br />
                  <a className={linkClass} href={`tel:${office.phone.replace(/[^+0-9]/g, "")}`}>
                    {office.phone}
                  </a>
                </>
              )}
            </address>
          </dd>
        </div>
        <div>
          <dt className="font-semibold">{t("stored")}</dt>
          <dd>{t("storedText")}</dd>
        </div>
        <div>
          <dt className="font-semibold">{t("retention")}</dt>
          <dd>{t("retentionText", { days: office.retentionDays })}</dd>
        </div>
        <div>
          <dt className="font-semibold">{t("mail")}</dt>
          <dd>
            {t("mailText")}
            {office.reminderHours > 0 && <> {t("mailReminder", { hours: office.reminderHours })}</>}
            {office.verificationMode === "EMAIL" && <> {t("mailVerification", { minutes: office.holdMinutes })}</>}
          </dd>
        </div>
      </dl>
      {addition && (
        <>
          <h4 className="mt-4 text-lg font-bold">{t("addition")}</h4>
          <LegalTextBody text={addition} locale={locale} topLevel={5} />
        </>
      )}
    </section>
  );
}
