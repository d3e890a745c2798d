import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { buttonPrimary, input } from "@/components/ui/styles";
import { PAIRING_CODE_LENGTH } from "@/lib/schemas/devices";
import { pairThisDevice } from "./actions";

type Params = Promise<{ locale: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("display.pairing");
  return { title: t("title"), robots: { index: false } };
}

const REASONS = new Set(["pairingCodeRequired", "pairingCodeInvalid", "pairingCodeExpired", "tooManyAttempts"]);

/** Pairing a kiosk or display: the one-time code from the devices page, then on to the device's own page. */
export default async function PairingPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const q = await searchParams;
  const t = await getTranslations("display");
  const reason = typeof q.fehler === "string" && REASONS.has(q.fehler) ? q.fehler : undefined;
  const error = reason ? t(`validation.${reason}`) : undefined;
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">{t("pairing.title")}</h1>
      <p>{t("pairing.intro")}</p>
      {error && (
        <Alert kind="error">
          <p className="font-bold">{t("pairing.errorTitle")}</p>
          <p>
            <a href="#code" className="text-error underline">
              {error}
            </a>
          </p>
        </Alert>
      )}
      <form action={pairThisDevice.bind(null, locale)} noValidate>
        <Field id="code" label={t("pairing.codeLabel")} hint={t("pairing.codeHint")} error={error}>
          {(aria) => (
            <input
              {...aria}
              name="code"
              type="text"
              required
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={PAIRING_CODE_LENGTH + 4}
              className={`${input} max-w-xs font-mono text-2xl uppercase tracking-widest`}
            />
          )}
        </Field>
        <button type="submit" className={buttonPrimary}>
          {t("pairing.submit")}
        </button>
      </form>
    </div>
  );
}
