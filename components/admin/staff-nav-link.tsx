"use client";

import Link from "@/components/ui/link";
import { usePathname } from "next/navigation";

/**
 * One entry of the staff area's main navigation, marked as the current page (aria-current) on its own page and on
 * the pages below it.
 */
export function StaffNavLink({ href, label, exact = false }: { href: string; label: string; exact?: boolean }) {
  const pathname = usePathname();
  const current = pathname === href || (!exact && pathname.startsWith(`${href}/`));
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className="inline-flex min-h-11 items-center border-b-4 border-transparent px-1 font-semibold underline-offset-4 hover:underline aria-[current=page]:border-white"
    >
      {label}
    </Link>
  );
}
