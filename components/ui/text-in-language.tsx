import { Fragment, type ReactNode } from "react";
import { directionOf } from "@/lib/i18n/routing";

// Office data that has no translation (an office's name and address, a service text the office has not translated)
// shows in German on pages and in e-mails of every language. Marked with its language, a screen reader reads it
// with a German voice (WCAG 3.1.2); on a right-to-left page it also keeps its own reading order.

/** `lang` and `dir` for a text in `textLocale` inside a page or e-mail in `pageLocale`: none when they agree. */
export function languageAttributes(textLocale: string, pageLocale: string): { lang?: string; dir?: "ltr" | "rtl" } {
  if (textLocale === pageLocale) return {};
  const dir = directionOf(textLocale);
  return dir === directionOf(pageLocale) ? { lang: textLocale } : { lang: textLocale, dir };
}

/**
 * One text of the office's data, isolated from the text around it (a `<bdi>`, or a `<span>` in e-mails, whose
 * clients do not all know `<bdi>`) and marked with its language where that differs from the page's.
 */
export function TextInLanguage({
  locale,
  pageLocale,
  as: Tag = "bdi",
  className,
  children,
}: {
  /** The language the text is in, as the lookup that chose it says (e.g. `localizeService(...).textLocales`). */
  locale: string;
  pageLocale: string;
  as?: "bdi" | "span";
  className?: string;
  children: ReactNode;
}) {
  const attributes = languageAttributes(locale, pageLocale);
  // A bare span would say nothing; a bdi still isolates the text from its neighbours.
  if (Tag === "span" && !attributes.lang && !className) return <>{children}</>;
  return (
    <Tag {...attributes} className={className}>
      {children}
    </Tag>
  );
}

// Private-use characters never occur in messages: each stands in for one value while the message is formatted.
const FIRST_MARK = 0xe000;

/**
 * A translated message with marked values in it, e.g. "موعد لدى: {office}" with the German office name: formats
 * the message with a stand-in character per value, then puts each value's node where the message has it.
 */
export function messageWithTexts<K extends string>(
  format: (values: Record<K, string>) => string,
  nodes: Record<K, ReactNode>,
): ReactNode {
  const keys = Object.keys(nodes) as K[];
  const marks = Object.fromEntries(keys.map((k, i) => [k, String.fromCharCode(FIRST_MARK + i)])) as Record<K, string>;
  return format(marks)
    .split(/([\uE000-\uF8FF])/u)
    .map((part, i) => {
      const key = keys[part.charCodeAt(0) - FIRST_MARK];
      return part.length === 1 && key !== undefined ? <Fragment key={i}>{nodes[key]}</Fragment> : part;
    });
}
