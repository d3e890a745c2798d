import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { messageWithTexts, TextInLanguage } from "@/components/ui/text-in-language";
import { OFFICE_TEXT_LOCALE } from "@/lib/domain/service-texts";

interface Locatable {
  authority: string;
  name: string;
  street: string;
  postalCode: string;
  locality: string;
  room: string | null;
}

interface OfficeContact extends Locatable {
  phone: string | null;
  email: string | null;
}

/** One of the office's own texts (name, authority, address, room): German, the only language offices are kept in. */
export function OfficeText({ pageLocale, className, children }: { pageLocale: string; className?: string; children: ReactNode }) {
  return (
    <TextInLanguage locale={OFFICE_TEXT_LOCALE} pageLocale={pageLocale} className={className}>
      {children}
    </TextInLanguage>
  );
}

/** Where the appointment takes place, on one line: "Stadt X, Ausländerbehörde, Straße 1, 12345 Ort, Raum 1.04". */
export function OfficeLocation({
  office,
  pageLocale,
  roomLabel,
}: {
  office: Locatable;
  pageLocale: string;
  roomLabel: (room: string) => string;
}) {
  const place = [office.authority, office.name, office.street, `${office.postalCode} ${office.locality}`].join(", ");
  return (
    <>
      <OfficeText pageLocale={pageLocale}>{place}</OfficeText>
      {office.room && (
        <>
          {", "}
          {messageWithTexts((v) => roomLabel(v.room), { room: <OfficeText pageLocale={pageLocale}>{office.room}</OfficeText> })}
        </>
      )}
    </>
  );
}

export async function OfficeAddress({ office }: { office: OfficeContact }) {
  const t = await getTranslations("booking.office");
  const tb = await getTranslations("booking");
  const locale = await getLocale();
  const german = (text: string) => <OfficeText pageLocale={locale}>{text}</OfficeText>;
  return (
    <div className="mb-6 grid gap-4 rounded border border-line bg-white p-4 sm:grid-cols-2">
      <div>
        <h2 className="font-bold">{t("address")}</h2>
        {/* German address lines stay in their own order on right-to-left pages ("66953 Pirmasens"). */}
        <address className="not-italic">
          {german(office.authority)}
          <br />
          {german(office.name)}
          <br />
          {german(office.street)}
          <br />
          {german(`${office.postalCode} ${office.locality}`)}
          {office.room && (
            <>
              <br />
              <bdi>{messageWithTexts((v) => tb("room", v), { room: german(office.room) })}</bdi>
            </>
          )}
        </address>
      </div>
      {(office.phone || office.email) && (
        <div>
          <h2 className="font-bold">{t("contact")}</h2>
          {office.phone && (
            <p>
              {t("phone")}:{" "}
              <a className="text-brand underline" dir="ltr" href={`tel:${office.phone.replace(/[^+\d]/g, "")}`}>
                {office.phone}
              </a>
            </p>
          )}
          {office.email && (
            <p className="break-all">
              {t("email")}:{" "}
              <a className="text-brand underline" dir="ltr" href={`mailto:${office.email}`}>
                {office.email}
              </a>
            </p>
          )}
        </div>
      )}
    </div>
  );
}
