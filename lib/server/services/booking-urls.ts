import { env } from "@/lib/server/env";
import { defaultLocale } from "@/lib/i18n/routing";

function localePrefix(locale: string): string {
  return locale === defaultLocale ? "" : `/${locale}`;
}

/** The link in e-mails to view, move or cancel a booking without an account. */
export function manageUrl(token: string, locale: string): string {
  return `${env().APP_URL}${localePrefix(locale)}/termin/${token}`;
}

/** The move page of a booking: where a citizen whose appointment the office cancelled picks a new time. */
export function moveUrl(token: string, locale: string): string {
  return `${manageUrl(token, locale)}/verschieben`;
}

export function officeUrl(officeSlug: string, locale: string = defaultLocale): string {
  return `${env().APP_URL}${localePrefix(locale)}/${officeSlug}`;
}

export function serviceUrl(officeSlug: string, serviceSlug: string, locale: string = defaultLocale): string {
  return `${officeUrl(officeSlug, locale)}/${serviceSlug}`;
}

/** The link in e-mails to see, confirm, change or withdraw a wish on the waiting list. */
export function wishManageUrl(token: string, locale: string): string {
  return `${env().APP_URL}${localePrefix(locale)}/warteliste/${token}`;
}

/** The public page of a release round: its seed hash before the draw, the seed and the draw record after. */
export function roundUrl(roundId: string, locale: string = defaultLocale): string {
  return `${env().APP_URL}${localePrefix(locale)}/runde/${roundId}`;
}

/** The signed receipt of an extension request, behind its wish's manage token. */
export function receiptPageUrl(token: string, locale: string): string {
  return `${env().APP_URL}${localePrefix(locale)}/quittung/${token}`;
}

/** The public directory of the city's services; an entry's page is `${directoryUrl()}/<catalogue slug>`. */
export function directoryUrl(locale: string = defaultLocale): string {
  return `${env().APP_URL}${localePrefix(locale)}/leistungen`;
}
