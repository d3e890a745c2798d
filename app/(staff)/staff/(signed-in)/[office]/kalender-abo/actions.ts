"use server";

import { redirect } from "next/navigation";
import type { FeedFormState } from "@/components/staff/feeds/create-feed-form";
import { createFeedSchema, feedIdSchema } from "@/lib/schemas/feeds";
import { staffAction } from "@/lib/server/auth/staff-action";
import { createFeed } from "@/lib/server/services/feeds/create-feed";
import { revokeFeed } from "@/lib/server/services/feeds/revoke-feed";

// The calendar feeds page of an office. The services authorise against the office (its staff). A new address is
// answered to the form (it is shown once); the form then refreshes the list.

const page = (officeSlug: string) => `/staff/${encodeURIComponent(officeSlug)}/kalender-abo`;

export async function createFeedAction(officeSlug: string, _prev: FeedFormState, form: FormData): Promise<FeedFormState> {
  const label = form.get("label");
  const values = { label: typeof label === "string" ? label : "" };
  const result = await staffAction(createFeedSchema, values, ({ staff, data, db }) => createFeed(db, staff, officeSlug, data));
  if (!result.ok) return { fieldErrors: result.fieldErrors, formError: result.formError, values };
  return { url: result.result.url, label: result.result.feed.label };
}

export async function revokeFeedAction(officeSlug: string, form: FormData): Promise<void> {
  const feedId = form.get("feedId");
  const result = await staffAction(feedIdSchema, typeof feedId === "string" ? feedId : "", ({ staff, data, db, now }) => revokeFeed(db, staff, data, now));
  redirect(result.ok ? `${page(result.result.officeSlug)}?widerrufen=1` : `${page(officeSlug)}?fehler=${result.formError ?? "INVALID_INPUT"}`);
}
