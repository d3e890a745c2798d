import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ExtensionReceipt } from "@/components/booking/extension-receipt";
import { Alert } from "@/components/ui/alert";
import { getDb } from "@/lib/server/db";
import { getReceiptByWishToken } from "@/lib/server/services/extension/get-receipt";
import { receiptCheckUrl, receiptQrDataUrl } from "@/lib/server/services/extension/receipt-urls";

type Params = Promise<{ locale: string; token: string }>;

export async function generateMetadata() {
  const t = await getTranslations("urgent.receipt");
  return { title: t("title"), robots: { index: false } };
}

/** The citizen's receipt for an extension request, behind the wish's manage token: in every language, printable. */
export default async function ReceiptPage({ params }: { params: Params }) {
  const p = await params;
  setRequestLocale(p.locale);
  const receipt = await getReceiptByWishToken(getDb(), p.token);
  if (!receipt) notFound();
  const t = await getTranslations("urgent.receipt");
  const tv = await getTranslations("urgent.verify");
  return (
    <div>
      <h1 className="mb-4 text-3xl font-bold">{t("title")}</h1>
      {receipt.withdrawn ? <Alert kind="info">{tv("withdrawn")}</Alert> : <Alert kind="success">{t("wishHint")}</Alert>}
      <ExtensionReceipt
        statement={receipt.statement}
        code={receipt.code}
        qrDataUrl={await receiptQrDataUrl(receipt.code)}
        verifyUrl={receiptCheckUrl()}
        pdfHref={`/quittung/${p.token}/pdf`}
      />
    </div>
  );
}
