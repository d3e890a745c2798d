import type { ComponentProps } from "react";
import { createNavigation } from "next-intl/navigation";
import { routing } from "./routing";

const navigation = createNavigation(routing);
export const { redirect, usePathname, useRouter, getPathname } = navigation;

/**
 * The public site's locale-aware link, without prefetching (as the staff area's, components/ui/link.tsx): the
 * public pages read the database, and Next's default prefetch had every page view render the pages of every office
 * and service link in view as well; at 8:00 on a release day that multiplies the server's work for pages most
 * visitors never open. `prefetch` may still be set per link.
 */
export function Link(props: ComponentProps<typeof navigation.Link>) {
  return <navigation.Link prefetch={false} {...props} />;
}
