"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Field } from "@/components/ui/field";
import { buttonSecondary, input } from "@/components/ui/styles";

/**
 * The snippet that embeds an office's booking in the city's website, for the whole office or one of its services,
 * with a button that copies it. Without JavaScript the snippet is still there to select and copy by hand.
 */
export function EmbedSnippet({ snippets }: { snippets: Array<{ key: string; label: string; code: string }> }) {
  const t = useTranslations("admin.office.embed");
  const [chosen, setChosen] = useState(snippets[0].key);
  const [status, setStatus] = useState<"copied" | "copyFailed" | null>(null);
  const code = (snippets.find((s) => s.key === chosen) ?? snippets[0]).code;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setStatus("copied");
    } catch {
      setStatus("copyFailed");
    }
  };
  return (
    <div className="space-y-3">
      {snippets.length > 1 && (
        <Field id="embed-service" label={t("service")}>
          {(aria) => (
            <select
              {...aria}
              value={chosen}
              onChange={(e) => {
                setChosen(e.target.value);
                setStatus(null);
              }}
              className={`${input} max-w-xl`}
            >
              {snippets.map((s) => (
                <option key={s.key} value={s.key}>
                  {s.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <p id="embed-code-label" className="text-lg font-semibold">
        {t("code")}
      </p>
      <pre
        aria-describedby="embed-lang-hint"
        tabIndex={0}
        data-testid="embed-code"
        className="overflow-x-auto whitespace-pre-wrap break-all border-2 border-ink bg-[#f3f2f1] p-3 font-mono text-base"
      >
        <code>{code}</code>
      </pre>
      <p id="embed-lang-hint" className="text-muted">
        {t("langHint")}
      </p>
      <button type="button" onClick={() => void copy()} className={buttonSecondary}>
        {t("copy")}
      </button>
      <p role="status" className={status === "copyFailed" ? "font-semibold text-error" : "font-semibold"}>
        {status ? t(status) : ""}
      </p>
    </div>
  );
}
