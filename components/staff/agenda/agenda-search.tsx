"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { input } from "@/components/ui/styles";
import { completeReferenceCode } from "@/lib/domain/booking-code";
import { PreferenceSwitch, usePreference } from "./preference";

/** Where a typed "/" is text, not the shortcut. */
function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

/**
 * The agenda's search field. "/" anywhere on the page jumps into it (a single-key shortcut, so it can be turned
 * off: WCAG 2.1.4), and a complete booking code typed or pasted there submits the search at once; the page then
 * opens that appointment. Without JavaScript it is a plain field of the GET form.
 */
export function AgendaSearch({ defaultValue, maxLength }: { defaultValue: string; maxLength: number }) {
  const t = useTranslations("agenda.filter");
  const field = useRef<HTMLInputElement>(null);
  const [shortcut, setShortcut] = usePreference("agenda-search-shortcut");

  useEffect(() => {
    if (!shortcut) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || isTextEntry(e.target)) return;
      e.preventDefault();
      field.current?.focus();
      field.current?.select();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [shortcut]);

  return (
    <div>
      <label htmlFor="suche" className="block font-semibold">
        {t("search")}
      </label>
      <input
        ref={field}
        id="suche"
        name="suche"
        type="search"
        defaultValue={defaultValue}
        maxLength={maxLength}
        autoComplete="off"
        spellCheck={false}
        aria-describedby="suche-hint"
        aria-keyshortcuts={shortcut ? "/" : undefined}
        onInput={(e) => {
          if (completeReferenceCode(e.currentTarget.value)) e.currentTarget.form?.requestSubmit();
        }}
        className={input}
      />
      <p id="suche-hint" className="text-sm text-muted">
        {t("searchHint")}
      </p>
      <PreferenceSwitch id="suche-taste" label={t("shortcut")} value={shortcut} onChange={setShortcut} />
    </div>
  );
}
