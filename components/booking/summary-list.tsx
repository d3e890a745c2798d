import type { ReactNode } from "react";
import { Link } from "@/lib/i18n/navigation";

export interface SummaryRow {
  label: string;
  value: ReactNode;
  change?: { href: string; label: string };
}

/** Key-value summary in the GOV.UK style, with an optional "change" link per row. */
export function SummaryList({ rows }: { rows: SummaryRow[] }) {
  return (
    <dl className="divide-y divide-line border-y border-line bg-white">
      {rows.map((row) => (
        <div key={row.label} className="grid gap-1 p-3 sm:grid-cols-[12rem_1fr_auto] sm:gap-4">
          <dt className="font-bold">{row.label}</dt>
          {/* Isolated, so that an e-mail address, a phone number or a German name reads right on right-to-left pages. */}
          <dd className="break-words">
            <bdi>{row.value}</bdi>
          </dd>
          {row.change ? (
            <dd className="no-print">
              <Link href={row.change.href} className="inline-flex min-h-11 items-center text-brand underline">
                {row.change.label}
              </Link>
            </dd>
          ) : (
            <dd className="hidden sm:block" />
          )}
        </div>
      ))}
    </dl>
  );
}
