import NextLink from "next/link";
import type { ComponentProps } from "react";

/**
 * The staff area's links: next/link without prefetching. Next's default prefetches every link as it scrolls into
 * view, and the staff pages are dynamic (signed in, read from the database) and link to twenty or more others
 * (navigation, day and week switchers): each page view made the server render some forty pages nobody had asked
 * for. A click now loads just the page it opens, still without a full page load. `prefetch` may still be set per link.
 */
export default function Link(props: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={false} {...props} />;
}
