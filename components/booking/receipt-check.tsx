import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { buttonPrimary, input } from "@/components/ui/styles";
import type { ReceiptStatement } from "@/lib/schemas/receipt";
import { ReceiptFacts } from "./extension-receipt";

export type ReceiptCheckResult =
  | { kind: "none" }
  | { kind: "empty" }
  | { kind: "forged" }
  | { kind: "genuine"; statement: ReceiptStatement; withdrawn: boolean };

/**
 * The public check of a receipt: a plain GET form for the code (the QR code's link fills it in) and the answer,
 * which shows only what the signed statement itself contains.
 */
export function ReceiptCheck({ code, result }: { code: string; result: ReceiptCheckResult }) {
  const t = useTranslations("urgent.verify");
  return (
    <>
      {result.kind === "genuine" && (
        <Alert kind="success">
          <h2 className="text-xl font-bold">{t("genuine")}</h2>
          {result.withdrawn && <p className="mt-1 font-semibold">{t("withdrawn")}</p>}
          <p className="mt-1 mb-4">{t("genuineBody")}</p>
          <ReceiptFacts statement={result.statement} />
        </Alert>
      )}
      {result.kind === "forged" && (
        <Alert kind="error">
          <h2 className="text-xl font-bold">{t("forged")}</h2>
          <p className="mt-1">{t("forgedBody")}</p>
        </Alert>
      )}
      <form method="get" className="rounded border border-line bg-white p-4">
        <Field id="code" label={t("code")} hint={t("codeHint")} error={result.kind === "empty" ? t("empty") : undefined}>
          {(aria) => (
            <textarea
              {...aria}
              name="code"
              rows={4}
              defaultValue={code}
              dir="ltr"
              spellCheck={false}
              autoComplete="off"
              className={`${input} font-mono text-sm`}
            />
          )}
        </Field>
        <button type="submit" className={buttonPrimary}>
          {t("submit")}
        </button>
      </form>
    </>
  );
}
