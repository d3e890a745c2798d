import { getTranslations, setRequestLocale } from "next-intl/server";
import { ReceiptCheck, type ReceiptCheckResult } from "@/components/booking/receipt-check";
import { getDb } from "@/lib/server/db";
import { checkReceiptCode } from "@/lib/server/services/extension/get-receipt";

type Params = Promise<{ locale: string }>;
type Search = Promise<{ code?: string | string[] }>;

export async function generateMetadata() {
  const t = await getTranslations("urgent.verify");
  return { title: t("title"), robots: { index: false } };
}

/**
 * The public check of an extension receipt: the QR code's link brings its code; anyone may paste one. The answer
 * is the signature's verdict and the statement's own content, nothing looked up beyond "withdrawn".
 */
export default async function ReceiptCheckPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const p = await params;
  setRequestLocale(p.locale);
  const q = await searchParams;
  const raw = typeof q.code === "string" ? q.code : undefined;
  // A code copied out of a printout may carry spaces or line breaks.
  const code = raw?.replace(/\s+/g, "") ?? "";
  let result: ReceiptCheckResult = { kind: "none" };
  if (raw !== undefined) {
    if (code === "") result = { kind: "empty" };
    else {
      const checked = await checkReceiptCode(getDb(), code);
      result = checked.genuine ? { kind: "genuine", statement: checked.statement, withdrawn: checked.withdrawn } : { kind: "forged" };
    }
  }
  const t = await getTranslations("urgent.verify");
  return (
    <div>
      <h1 className="mb-2 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-6">{t("intro")}</p>
      <ReceiptCheck code={code} result={result} />
    </div>
  );
}
