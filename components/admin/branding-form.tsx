"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, useActionState, useEffect, useState } from "react";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Field } from "@/components/ui/field";
import { buttonPrimary, input } from "@/components/ui/styles";
import { MIN_TEXT_CONTRAST, contrastWithWhite, formatContrast, isHexColour } from "@/lib/domain/contrast";
import type { ActionState } from "@/lib/schemas/form-errors";
import { TextField, formLegend, formSection } from "./text-field";

type State = ActionState & { contrast?: string };

type Values = Record<"cityName" | "siteTitle" | "primaryColor" | "logoAlt" | "footerContact", string>;

const FIELDS = ["cityName", "siteTitle", "primaryColor", "logo", "logoAlt", "footerContact"] as const;

/** The neutral default's primary colour (globals.css), for the preview of an empty colour field. */
const DEFAULT_COLOUR = "#0b4f8a";

/** "4.47" as German readers write it. */
const german = (ratio: string) => ratio.replace(".", ",");

/**
 * The city's look: names, primary colour (its contrast with white measured as one types), logo and footer contact,
 * with a preview of the header and footer before saving. A plain form posted to a server action that checks
 * everything again; without JavaScript it works the same, without the live preview.
 */
export function BrandingForm({
  action,
  initial,
  currentLogo,
  limits,
}: {
  action: (prev: State, form: FormData) => Promise<State>;
  initial: Values;
  /** The stored logo's address, or null. */
  currentLogo: string | null;
  limits: { cityName: number; siteTitle: number; logoAlt: number; footerContact: number; logoKiloBytes: number };
}) {
  const t = useTranslations("branding");
  const tv = useTranslations("validation");
  const [state, formAction, pending] = useActionState(action, {});
  const values = (state.values as Values | undefined) ?? initial;
  const [live, setLive] = useState<Values & { removeLogo: boolean }>({ ...values, removeLogo: false });
  const [chosenLogo, setChosenLogo] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();

  // After the action answered, the fields show what was posted; so does the preview.
  useEffect(() => {
    if (state.values) setLive({ ...(state.values as Values), removeLogo: state.values.removeLogo === "true" });
  }, [state]);
  useEffect(() => () => void (chosenLogo && URL.revokeObjectURL(chosenLogo)), [chosenLogo]);

  const params: Record<string, string | number> = {
    max: limits.logoKiloBytes,
    colour: values.primaryColor,
    ratio: german(state.contrast ?? ""),
  };
  const errorOf = (field: string): string | undefined => {
    if (field === "logo" && fileError) return fileError;
    const key = state.fieldErrors?.[field]?.[0];
    if (!key) return undefined;
    if (/^[a-zA-Z]+$/.test(key) && t.has(`validation.${key}`)) return t(`validation.${key}`, params);
    return /^[a-zA-Z]+$/.test(key) && tv.has(key) ? tv(key) : tv("invalid");
  };
  const items = FIELDS.flatMap((field) => {
    const message = errorOf(field);
    return message ? [{ field, message }] : [];
  });
  if (state.formError) items.unshift({ field: "cityName", message: t("errors.UNEXPECTED") });

  const onChange = (event: FormEvent<HTMLFormElement>) => {
    const form = new FormData(event.currentTarget);
    const text = (key: string) => (typeof form.get(key) === "string" ? (form.get(key) as string) : "");
    setLive({
      cityName: text("cityName"),
      siteTitle: text("siteTitle"),
      primaryColor: text("primaryColor"),
      logoAlt: text("logoAlt"),
      footerContact: text("footerContact"),
      removeLogo: form.get("removeLogo") === "true",
    });
  };

  const onFile = (file: File | undefined, field: HTMLInputElement) => {
    setFileError(undefined);
    setChosenLogo(null);
    if (!file) return;
    if (file.size > limits.logoKiloBytes * 1024) {
      // Refused here already: the upload would not reach the check on the server.
      setFileError(t("validation.logoTooLarge", { max: limits.logoKiloBytes }));
      field.value = "";
      return;
    }
    setChosenLogo(URL.createObjectURL(file));
  };

  const colour = live.primaryColor.trim();
  const measured = isHexColour(colour) ? contrastWithWhite(colour) : null;
  const previewColour = measured !== null ? colour : DEFAULT_COLOUR;
  const previewLogo = chosenLogo ?? (live.removeLogo ? null : currentLogo);

  return (
    <form action={formAction} onChange={onChange} noValidate className="space-y-6">
      <ErrorSummary title={t("errorTitle")} items={items} attempt={state} />

      <fieldset className={formSection}>
        <legend className={formLegend}>{t("sections.names")}</legend>
        <TextField name="cityName" label={t("fields.cityName")} hint={t("fields.cityNameHint")} error={errorOf("cityName")} value={values.cityName} />
        <TextField name="siteTitle" label={t("fields.siteTitle")} hint={t("fields.siteTitleHint")} error={errorOf("siteTitle")} value={values.siteTitle} />
      </fieldset>

      <fieldset className={formSection}>
        <legend className={formLegend}>{t("sections.colour")}</legend>
        <Field id="primaryColor" label={t("fields.primaryColor")} hint={t("fields.primaryColorHint")} error={errorOf("primaryColor")}>
          {(aria) => (
            <div className="flex items-center gap-3">
              <input
                {...aria}
                name="primaryColor"
                defaultValue={values.primaryColor}
                autoComplete="off"
                spellCheck={false}
                maxLength={7}
                className={`${input} max-w-40 font-mono`}
              />
              <span aria-hidden="true" className="size-11 shrink-0 rounded border-2 border-ink" style={{ backgroundColor: previewColour }} />
            </div>
          )}
        </Field>
        {measured !== null && (
          <p aria-live="polite" data-testid="contrast" className={measured >= MIN_TEXT_CONTRAST ? "" : "font-semibold text-error"}>
            {t("fields.contrast", { ratio: german(formatContrast(measured)) })} (
            {measured >= MIN_TEXT_CONTRAST ? t("fields.contrastOk") : t("fields.contrastLow")})
          </p>
        )}
      </fieldset>

      <fieldset className={formSection}>
        <legend className={formLegend}>{t("sections.logo")}</legend>
        <p className="font-semibold">{t("fields.currentLogo")}</p>
        {currentLogo ? (
          <>
            {/* The stored logo is described by the text alternative field below. */}
            <img src={currentLogo} alt={values.logoAlt} className="mb-2 h-16 w-auto max-w-60 border border-line bg-white object-contain p-1" />
            <label className="mb-4 flex min-h-11 items-center gap-3 text-lg">
              <input type="checkbox" name="removeLogo" value="true" className="size-6" defaultChecked={state.values?.removeLogo === "true"} />
              {t("fields.removeLogo")}
            </label>
          </>
        ) : (
          <p className="mb-4 text-muted">{t("fields.noLogo")}</p>
        )}
        <Field id="logo" label={t("fields.logo")} hint={t("fields.logoHint", { max: limits.logoKiloBytes })} error={errorOf("logo")}>
          {(aria) => (
            <input
              {...aria}
              type="file"
              name="logo"
              accept="image/svg+xml,image/png,.svg,.png"
              onChange={(e) => onFile(e.currentTarget.files?.[0], e.currentTarget)}
              className="block min-h-11 w-full text-lg file:me-3 file:min-h-11 file:rounded file:border-2 file:border-brand file:bg-white file:px-3 file:font-semibold file:text-brand"
            />
          )}
        </Field>
        <TextField name="logoAlt" label={t("fields.logoAlt")} hint={t("fields.logoAltHint")} error={errorOf("logoAlt")} value={values.logoAlt} />
      </fieldset>

      <fieldset className={formSection}>
        <legend className={formLegend}>{t("sections.footer")}</legend>
        <TextField
          name="footerContact"
          label={t("fields.footerContact")}
          hint={t("fields.footerContactHint")}
          error={errorOf("footerContact")}
          value={values.footerContact}
          multiline
        />
      </fieldset>

      <section aria-labelledby="vorschau" className="space-y-2">
        <h2 id="vorschau" className="text-2xl font-bold">
          {t("preview.title")}
        </h2>
        <p className="text-muted">{t("preview.hint")}</p>
        <div data-testid="branding-preview" className="overflow-hidden rounded border border-line bg-[#f3f2f1]">
          <div className="flex items-center gap-3 px-4 py-2 text-xl font-bold text-white" style={{ backgroundColor: previewColour }}>
            {previewLogo && (
              <img src={previewLogo} alt={live.logoAlt} className="h-11 w-auto max-w-40 rounded bg-white object-contain p-1" />
            )}
            <span className="flex flex-col leading-tight">
              {live.cityName.trim() && <span className="text-sm font-normal">{live.cityName}</span>}
              <span>{live.siteTitle.trim() || t("preview.siteTitleDefault")}</span>
            </span>
          </div>
          <div className="space-y-3 p-4">
            <p>
              <span className="underline underline-offset-2" style={{ color: previewColour }}>
                {t("preview.link")}
              </span>
            </p>
            <p>
              <span
                className="inline-flex min-h-11 items-center rounded border-2 bg-white px-4 py-2 font-semibold"
                style={{ borderColor: previewColour, color: previewColour }}
              >
                {t("preview.button")}
              </span>
            </p>
          </div>
          {live.footerContact.trim() && (
            <p className="whitespace-pre-line border-t border-line bg-white px-4 py-3">{live.footerContact}</p>
          )}
        </div>
      </section>

      <button type="submit" className={buttonPrimary} disabled={pending}>
        {t("save")}
      </button>
    </form>
  );
}
