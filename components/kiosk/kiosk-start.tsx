"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { languageAttributes } from "@/components/ui/text-in-language";
import { clockTime } from "@/components/booking/format";
import type { KioskCheckInState } from "@/lib/schemas/checkin";
import { QrScanner } from "./qr-scanner";
import { kioskPrimary, kioskSecondary } from "./styles";

// The kiosk's start screen: scan the QR code from the confirmation e-mail, or type the reference code. A refusal
// is announced at once (role="alert") and cleared after a while, so the next person finds a clean screen.

/** How long a refusal stays on the screen before the start screen is clean again. */
const CLEAR_AFTER_MS = 30_000;

/** A service the kiosk offers walk-in tickets for, with its expected wait (null: no estimate). */
export interface KioskWalkIn {
  serviceId: string;
  name: string;
  nameLocale: string;
  full: boolean;
  minutes: number | null;
}

export function KioskStart({
  timeZone,
  action,
  walkIns,
  walkInAction,
}: {
  timeZone: string;
  action: (state: KioskCheckInState, form: FormData) => Promise<KioskCheckInState>;
  walkIns: KioskWalkIn[];
  walkInAction: (state: KioskCheckInState, form: FormData) => Promise<KioskCheckInState>;
}) {
  const t = useTranslations("checkin");
  const tw = useTranslations("walkIns.refused");
  const locale = useLocale();
  const format = useFormatter();
  const [checkInState, formAction, checkInPending] = useActionState(action, {});
  const [walkInState, walkInFormAction, walkInPending] = useActionState(walkInAction, {});
  const pending = checkInPending || walkInPending;
  // The latest answer of either form is the one shown.
  const state = (walkInState.at ?? 0) > (checkInState.at ?? 0) ? walkInState : checkInState;
  const [scanning, setScanning] = useState(false);
  const [cameraFailed, setCameraFailed] = useState(false);
  const [shown, setShown] = useState<number | undefined>(undefined);
  const scanForm = useRef<HTMLFormElement>(null);
  const token = useRef<HTMLInputElement>(null);
  const codeInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (state.at === undefined) return;
    setShown(state.at);
    const timer = setTimeout(() => setShown(undefined), CLEAR_AFTER_MS);
    return () => clearTimeout(timer);
  }, [state.at]);

  const error = shown !== undefined && state.at === shown ? state.error : undefined;
  const codeError = shown !== undefined && state.at === shown ? state.fieldErrors?.code?.[0] ?? state.fieldErrors?.token?.[0] : undefined;
  const errorText = error
    ? error === "CHECKIN_TOO_EARLY" && state.opensAt
      ? t("errors.CHECKIN_TOO_EARLY", { time: clockTime(format, new Date(state.opensAt), timeZone) })
      : t.has(`errors.${error}`)
        ? t(`errors.${error}`)
        : tw.has(error)
          ? tw(error)
          : t("errors.UNEXPECTED")
    : null;

  return (
    <div className="space-y-8">
      <div aria-live="assertive" role="alert" className="empty:hidden">
        {errorText && (
          <p className="rounded border-4 border-error bg-white p-4 text-2xl font-bold text-error" data-testid="kiosk-error">
            {errorText}
          </p>
        )}
      </div>

      <section aria-labelledby="scan-title" className="rounded border border-line bg-white p-4 sm:p-6">
        <h2 id="scan-title" className="mb-2 text-2xl font-bold">
          {t("kiosk.scanTitle")}
        </h2>
        <p className="mb-4 text-xl">{t("kiosk.scanHint")}</p>
        <form ref={scanForm} action={formAction}>
          <input ref={token} type="hidden" name="token" />
        </form>
        {scanning ? (
          <div className="space-y-4">
            <p className="text-xl font-semibold" role="status">
              {t("kiosk.scanning")}
            </p>
            <QrScanner
              label={t("kiosk.cameraLabel")}
              onCode={(text) => {
                setScanning(false);
                token.current!.value = text;
                scanForm.current!.requestSubmit();
              }}
              onUnavailable={() => {
                setScanning(false);
                setCameraFailed(true);
                codeInput.current?.focus();
              }}
            />
            <button type="button" className={kioskSecondary} onClick={() => setScanning(false)}>
              {t("kiosk.scanStop")}
            </button>
          </div>
        ) : (
          <button
            type="button"
            className={kioskPrimary}
            disabled={pending}
            onClick={() => {
              setCameraFailed(false);
              setScanning(true);
            }}
          >
            <svg aria-hidden="true" viewBox="0 0 24 24" className="h-8 w-8" fill="none" stroke="currentColor" strokeWidth="2">
              <path d="M3 7V4h3M18 4h3v3M21 17v3h-3M6 20H3v-3M7 8h4v4H7zM13 13h4v4h-4zM13 8h4M7 16h3" />
            </svg>
            {t("kiosk.scan")}
          </button>
        )}
        {cameraFailed && (
          <p className="mt-4 text-xl font-semibold text-error" role="status">
            {t("kiosk.cameraUnavailable")}
          </p>
        )}
      </section>

      <section aria-labelledby="code-title" className="rounded border border-line bg-white p-4 sm:p-6">
        <h2 id="code-title" className="mb-2 text-2xl font-bold">
          {t("kiosk.codeTitle")}
        </h2>
        <form action={formAction} className="space-y-4" noValidate>
          <div>
            <label htmlFor="kiosk-code" className="block text-xl font-semibold">
              {t("kiosk.codeLabel")}
            </label>
            <p id="kiosk-code-hint" className="text-lg text-muted">
              {t("kiosk.codeHint")}
            </p>
            {codeError && (
              <p id="kiosk-code-error" className="text-xl font-bold text-error">
                {t.has(`fields.${codeError}`) ? t(`fields.${codeError}`) : t("fields.invalid")}
              </p>
            )}
            <input
              ref={codeInput}
              id="kiosk-code"
              name="code"
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              aria-describedby={codeError ? "kiosk-code-hint kiosk-code-error" : "kiosk-code-hint"}
              aria-invalid={codeError ? true : undefined}
              className="mt-2 block min-h-16 w-full rounded-none border-4 border-ink bg-white px-3 font-mono text-3xl uppercase tracking-wider aria-[invalid=true]:border-error"
            />
          </div>
          <button type="submit" className={kioskPrimary} disabled={pending}>
            {pending ? t("kiosk.checking") : t("kiosk.submit")}
          </button>
        </form>
      </section>

      {walkIns.length > 0 && (
        <section aria-labelledby="walk-in-title" className="rounded border border-line bg-white p-4 sm:p-6">
          <h2 id="walk-in-title" className="mb-2 text-2xl font-bold">
            {t("kiosk.walkInTitle")}
          </h2>
          <p className="mb-4 text-xl">{t("kiosk.walkInIntro")}</p>
          <ul className="grid gap-4 sm:grid-cols-2">
            {walkIns.map((w) => (
              <li key={w.serviceId}>
                <form action={walkInFormAction}>
                  <input type="hidden" name="serviceId" value={w.serviceId} />
                  <button
                    type="submit"
                    className={`${kioskSecondary} h-full flex-col !gap-1`}
                    disabled={pending || w.full}
                    aria-describedby={`walk-in-${w.serviceId}`}
                  >
                    <span {...languageAttributes(w.nameLocale, locale)}>{w.name}</span>
                    <span id={`walk-in-${w.serviceId}`} className="text-lg font-normal">
                      {w.full ? t("kiosk.walkInFull") : w.minutes !== null ? t("kiosk.walkInWait", { minutes: w.minutes }) : ""}
                    </span>
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
