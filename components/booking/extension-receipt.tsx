import { useFormatter, useTranslations } from "next-intl";
import { PrintButton } from "@/components/staff/agenda/print-button";
import { buttonSecondary } from "@/components/ui/styles";
import type { ReceiptStatement } from "@/lib/schemas/receipt";
import { dateAndTime, plainDate } from "./format";

/** The facts of a signed receipt statement as a definition list; the receipt page and the check page show it alike. */
export function ReceiptFacts({ statement }: { statement: ReceiptStatement }) {
  const t = useTranslations("urgent.receipt");
  const format = useFormatter();
  const name = [statement.givenName, statement.familyName].filter(Boolean).join(" ");
  const rows: Array<[string, string]> = [
    [t("number"), statement.number],
    [t("filedAt"), dateAndTime(format, new Date(statement.filedAt), statement.timeZone)],
    [t("office"), `${statement.office}, ${statement.authority}`],
    [t("service"), statement.service],
    [t("name"), name],
    ...(statement.dateOfBirth ? [[t("dateOfBirth"), plainDate(format, statement.dateOfBirth)] as [string, string]] : []),
    ...(statement.permitExpiresOn
      ? [[t("permitExpiresOn"), plainDate(format, statement.permitExpiresOn)] as [string, string]]
      : []),
  ];
  return (
    <>
      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-semibold">{label}</dt>
            <dd className="mb-2 sm:mb-0 [overflow-wrap:anywhere]">{value}</dd>
          </div>
        ))}
      </dl>
      <h2 className="mt-6 text-xl font-bold">{t("note")}</h2>
      {/* The office's own words, in German as it wrote them. */}
      <p lang="de" className="mt-1 whitespace-pre-line">
        {statement.note ?? t("noNote")}
      </p>
    </>
  );
}

/** The receipt page: the signed facts, the QR code of the verification link, print and PDF. */
export function ExtensionReceipt({
  statement,
  code,
  qrDataUrl,
  verifyUrl,
  pdfHref,
}: {
  statement: ReceiptStatement;
  code: string;
  /** The QR code of the verification link, as a data: URL of an SVG image. */
  qrDataUrl: string;
  /** The public check page's address, shown as text. */
  verifyUrl: string;
  pdfHref: string;
}) {
  const t = useTranslations("urgent.receipt");
  return (
    <article className="rounded border border-line bg-white p-4">
      <p className="mb-4">{t("intro")}</p>
      <ReceiptFacts statement={statement} />
      <div className="mt-6 flex flex-col gap-4 sm:flex-row sm:items-start">
        {/* A data: URL of the SVG, rendered on the server: nothing for the image optimiser to do. */}
        <img
          src={qrDataUrl}
          alt={t("qr")}
          width={176}
          height={176}
          className="h-44 w-44 shrink-0"
        />
        <div className="min-w-0">
          <p>{t("verifyHint", { url: verifyUrl })}</p>
          <p className="mt-2 font-semibold">{t("code")}</p>
          <p dir="ltr" className="font-mono text-xs break-all">
            {code}
          </p>
        </div>
      </div>
      <p className="mt-6 flex flex-wrap gap-3 print:hidden">
        <PrintButton label={t("print")} />
        <a href={pdfHref} className={buttonSecondary} download>
          {t("pdf")}
        </a>
      </p>
    </article>
  );
}
