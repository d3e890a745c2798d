import type { ReactNode } from "react";
import { TextInLanguage } from "@/components/ui/text-in-language";

/**
 * A further service to tick for the same visit, as a card: the service's name in the language its text is in, and
 * after it whatever the form adds (its minutes). Posted as the repeated field `name`.
 */
export function ServiceCheck({
  id,
  name,
  value,
  checked,
  label,
  labelLocale,
  pageLocale,
  children,
}: {
  id: string;
  name: string;
  value: string;
  checked: boolean;
  label: string;
  labelLocale: string;
  pageLocale: string;
  children?: ReactNode;
}) {
  return (
    <div className="flex items-start gap-3 rounded border border-line bg-white p-3">
      <input type="checkbox" id={id} name={name} value={value} defaultChecked={checked} className="mt-1 h-7 w-7 shrink-0 accent-brand" />
      <label htmlFor={id} className="text-lg">
        <TextInLanguage locale={labelLocale} pageLocale={pageLocale}>
          {label}
        </TextInLanguage>
        {children}
      </label>
    </div>
  );
}
