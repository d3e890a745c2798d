import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * Refreshes the page's server-rendered parts whenever `value` becomes a new non-empty one: a form that shows a
 * one-time secret (a code, a link) in its own state keeps it, while the list above picks up the new record.
 */
export function useRefreshWhen(value: string | undefined): void {
  const router = useRouter();
  useEffect(() => {
    if (value) router.refresh();
  }, [value, router]);
}
