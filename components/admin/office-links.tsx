import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { link } from "@/components/ui/styles";

/**
 * Where an office's work happens: its settings, agenda and calendar in the staff area, and, while it is active,
 * the public deep link and its QR codes to publish.
 */
export async function OfficeLinks({
  office,
  officeUrl,
  editLabel,
}: {
  office: { id: string; slug: string; active: boolean };
  /** The office's public address (the deep link). */
  officeUrl: string;
  /** Set on the list, where the link leads to the office's own page. */
  editLabel?: string;
}) {
  const t = await getTranslations("admin.offices");
  const item = `inline-flex min-h-11 items-center ${link}`;
  return (
    <ul className="mt-2 flex flex-wrap gap-x-5">
      {editLabel && (
        <li>
          <Link href={`/staff/verwaltung/behoerden/${office.id}`} className={item} aria-label={editLabel}>
            {t("edit")}
          </Link>
        </li>
      )}
      <li>
        <Link href={`/staff/${office.slug}`} className={item}>
          {t("agenda")}
        </Link>
      </li>
      <li>
        <Link href={`/staff/${office.slug}/kalender`} className={item}>
          {t("calendar")}
        </Link>
      </li>
      {office.active && (
        <>
          <li>
            <a href={officeUrl} className={item}>
              {t("deepLink")}
            </a>
          </li>
          <li>
            <a href={`/api/qr/${office.slug}?format=svg`} className={item}>
              {t("qrCode")}
            </a>
          </li>
          <li>
            <a href={`/api/qr/${office.slug}?format=png`} className={item}>
              {t("qrCodePng")}
            </a>
          </li>
          <li>
            <Link href={`/staff/${office.slug}/aushang`} className={item}>
              {t("checkInPoster")}
            </Link>
          </li>
        </>
      )}
    </ul>
  );
}
