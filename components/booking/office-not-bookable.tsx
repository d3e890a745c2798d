import { getLocale, getTranslations } from "next-intl/server";
import { OfficeAddress, OfficeText } from "@/components/booking/office-address";

type OfficeDetails = Parameters<typeof OfficeAddress>[0]["office"] & { website: string | null; directions: string | null };

/**
 * The deep link of an office that cannot take online bookings yet (no service or no clerk planned): instead of a
 * dead end, everything the office has given about how to reach it.
 */
export async function OfficeNotBookable({ office }: { office: OfficeDetails }) {
  const t = await getTranslations("booking.office");
  const locale = await getLocale();
  return (
    <>
      <div className="mb-6 border-s-8 border-brand bg-white p-4">
        <p className="text-lg font-semibold">{t("noServices")}</p>
        <p className="mt-2">{t("contactInstead")}</p>
      </div>
      <OfficeAddress office={office} />
      {(office.directions || office.website) && (
        <div className="mb-6 space-y-4 rounded border border-line bg-white p-4">
          {office.directions && (
            <div>
              <h2 className="font-bold">{t("directions")}</h2>
              <p className="whitespace-pre-line">
                <OfficeText pageLocale={locale}>{office.directions}</OfficeText>
              </p>
            </div>
          )}
          {office.website && (
            <div>
              <h2 className="font-bold">{t("website")}</h2>
              <p className="break-all">
                {/* The settings accept only http(s) addresses; anything else in the row is not made a link. */}
                {/^https?:\/\//i.test(office.website) ? (
                  <a className="text-brand underline" dir="ltr" href={office.website}>
                    {office.website}
                  </a>
                ) : (
                  <bdi dir="ltr">{office.website}</bdi>
                )}
              </p>
            </div>
          )}
        </div>
      )}
    </>
  );
}
