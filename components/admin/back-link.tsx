import Link from "@/components/ui/link";
import type { ReactNode } from "react";
import { link } from "@/components/ui/styles";

/** The way back above an administration page's heading, as a paragraph of its own. */
export function StaffBackLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <p>
      <Link href={href} className={`inline-flex min-h-11 items-center ${link}`}>
        {children}
      </Link>
    </p>
  );
}
