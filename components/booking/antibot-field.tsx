"use client";

import { useLocale, useTranslations } from "next-intl";
import { type Ref, useEffect, useImperativeHandle, useRef } from "react";
import "altcha/altcha.css";

// The proof of work for the booking form. The ALTCHA widget is loaded only here (its CSP-friendly build without
// inline workers), starts solving as soon as the step is shown, and puts its payload into the hidden form field
// "altcha" that confirmBooking verifies. No puzzle, no cookies, nothing sent to third parties. The form learns the
// widget's state through `onStateChange`, so that a booking asked for before the check is done can wait for it.

// Every text the widget shows (altcha's Strings type plus the two texts of its code-challenge dialog).
const STRING_KEYS = [
  "ariaLinkLabel",
  "cancel",
  "enterCode",
  "enterCodeAria",
  "enterCodeFromImage",
  "error",
  "expired",
  "footer",
  "getAudioChallenge",
  "label",
  "loading",
  "reload",
  "verify",
  "verificationRequired",
  "verified",
  "verifying",
  "waitAlert",
] as const;

type AltchaGlobal = {
  algorithms: { set(name: string, factory: () => Worker): void };
  i18n: { set(language: string, strings: Record<string, string>): void };
};
type AltchaElement = HTMLElement & {
  configure?: (config: Record<string, unknown>) => Promise<void>;
  getState?: () => AntibotState;
  verify?: () => Promise<unknown>;
};

/** The widget's states, as its "statechange" event reports them. */
export type AntibotState = "unverified" | "verifying" | "verified" | "expired" | "error" | "code";

export interface AntibotHandle {
  /** Runs the check again when it is neither running nor done (after an error or once it expired). */
  start(): void;
}

export function AntibotField({
  challengeUrl = "/api/antibot/challenge",
  onStateChange,
  ref,
}: {
  challengeUrl?: string;
  onStateChange?: (state: AntibotState) => void;
  ref?: Ref<AntibotHandle>;
}) {
  const t = useTranslations("antibot");
  const locale = useLocale();
  const container = useRef<HTMLDivElement>(null);
  const configured = useRef<AltchaElement | null>(null);
  const stateListener = useRef(onStateChange);
  const strings = Object.fromEntries(STRING_KEYS.map((key) => [key, t(key)]));
  const stringsJson = JSON.stringify(strings);

  useEffect(() => {
    stateListener.current = onStateChange;
  });

  useImperativeHandle(ref, () => ({
    start() {
      const widget = configured.current;
      const state = widget?.getState?.();
      if (widget?.verify && state !== "verifying" && state !== "verified") void widget.verify();
    },
  }));

  useEffect(() => {
    let widget: AltchaElement | undefined;
    let cancelled = false;
    void import("altcha/external").then(async () => {
      if (cancelled || !container.current) return;
      const altcha = (globalThis as unknown as { $altcha?: AltchaGlobal }).$altcha;
      // The worker is served from public/, so the CSP needs only worker-src 'self'.
      altcha?.algorithms.set("PBKDF2/SHA-256", () => new Worker("/altcha-worker.js"));
      // Altcha 3 takes its texts only from this registry, per language (a `strings` option is ignored); the
      // widget picks the entry named by `language` and sets dir="rtl" itself for ar and fa.
      const texts = JSON.parse(stringsJson) as Record<(typeof STRING_KEYS)[number], string>;
      altcha?.i18n.set(locale, texts);
      widget = document.createElement("altcha-widget") as AltchaElement;
      widget.setAttribute("name", "altcha");
      widget.addEventListener("statechange", (event) => {
        stateListener.current?.((event as CustomEvent<{ state: AntibotState }>).detail.state);
      });
      container.current.appendChild(widget);
      // The element's methods exist only once it has connected, a few microtasks after it is attached.
      for (let i = 0; i < 100 && typeof widget.configure !== "function"; i++) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      if (cancelled || typeof widget.configure !== "function") return;
      await widget.configure({
        challenge: challengeUrl,
        auto: "onload",
        hideLogo: false,
        hideFooter: true,
        language: locale,
        validationMessage: texts.verificationRequired,
      });
      configured.current = widget;
    });
    return () => {
      cancelled = true;
      configured.current = null;
      widget?.remove();
    };
  }, [challengeUrl, locale, stringsJson]);

  return (
    <fieldset className="mb-6">
      <legend className="mb-2 font-semibold">{t("heading")}</legend>
      <p className="mb-3 text-sm text-muted">{t("intro")}</p>
      <div ref={container} data-antibot="" />
      <noscript>
        <p>{t("noScript")}</p>
      </noscript>
    </fieldset>
  );
}
