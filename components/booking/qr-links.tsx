import { getTranslations } from "next-intl/server";

/** Download links for a printable QR code of this page's deep link (for posters and the city's A-Z pages). */
export async function QrLinks({ path }: { path: string }) {
  const t = await getTranslations("common.qr");
  const base = `/api/qr${path}`;
  return (
    <aside className="mt-10 border-t border-line pt-4 text-sm no-print" aria-label={t("title")}>
      <h2 className="font-semibold">{t("title")}</h2>
      <p className="mt-1 flex flex-wrap gap-x-4">
        <a className="inline-flex min-h-11 items-center text-brand underline" href={`${base}?format=png`} download>
          {t("png")}
        </a>
        <a className="inline-flex min-h-11 items-center text-brand underline" href={`${base}?format=svg`} download>
          {t("svg")}
        </a>
      </p>
    </aside>
  );
}
