"use client";

import { type MouseEvent, useEffect, useRef } from "react";

export interface ErrorSummaryItem {
  field: string;
  message: string;
}

/**
 * Follows a summary link as GOV.UK's error summary does: the field gets focus, and its question (the legend of its
 * fieldset, else its label) scrolls into view above it, which a plain jump to "#id" would scroll off the top.
 * Without JavaScript, or for a target that takes no focus, the link works as an ordinary link.
 */
function focusField(event: MouseEvent<HTMLAnchorElement>, id: string) {
  const field = document.getElementById(id);
  if (!field?.matches("input, select, textarea, button")) return;
  event.preventDefault();
  const question = field.closest("fieldset")?.querySelector("legend") ?? document.querySelector(`label[for="${CSS.escape(id)}"]`);
  (question ?? field).scrollIntoView();
  field.focus({ preventScroll: true });
}

/** The list of problems at the top of a form, focused when it appears so screen readers announce it. */
export function ErrorSummary({
  title,
  items,
  attempt,
}: {
  title: string;
  items: ErrorSummaryItem[];
  /** Changes with every submit attempt, so that a repeated error is announced again. */
  attempt?: unknown;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const hasItems = items.length > 0;
  useEffect(() => {
    if (hasItems) ref.current?.focus();
  }, [hasItems, attempt]);
  if (items.length === 0) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby="error-summary-title"
      className="mb-6 border-4 border-error bg-white p-4"
    >
      <h2 id="error-summary-title" className="text-xl font-bold">
        {title}
      </h2>
      <ul className="mt-2 list-none space-y-1">
        {items.map((item, index) => (
          <li key={`${index}:${item.field}`}>
            <a href={`#${item.field}`} onClick={(e) => focusField(e, item.field)} className="font-semibold text-error underline">
              {item.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
