import Link from "@/components/ui/link";
import type { ReactNode } from "react";

// The frame of an office's staff pages (devices, outbox, calendar feeds, webhooks): the way back to the day list, the
// office above the page's heading, and lists of cards that say when they are empty.

/** "‹ Zurück zur Tagesliste", the office, the heading and the page's introduction. */
export function OfficePageHeading({
  office,
  backLabel,
  title,
  children,
}: {
  office: { slug: string; authority: string; name: string };
  backLabel: string;
  title: string;
  /** The introduction under the heading. */
  children?: ReactNode;
}) {
  return (
    <>
      <Link href={`/staff/${office.slug}`} className="inline-flex min-h-11 items-center text-brand underline">
        <span aria-hidden="true" className="me-1">
          ‹
        </span>
        {backLabel}
      </Link>
      <div>
        <p className="text-lg text-muted">
          {office.authority} · {office.name}
        </p>
        <h1 className="text-3xl font-bold">{title}</h1>
        {children}
      </div>
    </>
  );
}

/** A titled section of cards (two columns on wide screens), or the text for none. */
export function CardListSection<T>({
  id,
  title,
  empty,
  items,
  children,
}: {
  id: string;
  title: string;
  /** Shown instead of the list when there are no items; without it an empty section is left out. */
  empty?: string;
  items: readonly T[];
  children: (item: T) => ReactNode;
}) {
  if (items.length === 0 && empty === undefined) return null;
  return (
    <section aria-labelledby={id} className="space-y-2">
      <h2 id={id} className="text-2xl font-bold">
        {title}
      </h2>
      {items.length === 0 ? <p>{empty}</p> : <ul className="grid gap-3 lg:grid-cols-2">{items.map(children)}</ul>}
    </section>
  );
}
