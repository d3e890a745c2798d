import type { WishMailPayload } from "@/emails/payloads";
import { localizeService, type TranslatableService } from "@/lib/domain/service-texts";
import { parseDayParts, parseWeekdays } from "@/lib/domain/waitlist";
import { officeMailFields } from "../booking-mail";

/** Everything the wish e-mail shows, captured when it is written, in the wish's language. */
export function wishMailPayload(args: {
  office: Parameters<typeof officeMailFields>[0];
  service: TranslatableService;
  wish: {
    referenceCode: string;
    persons: number;
    givenName: string | null;
    familyName: string | null;
    earliestDate: string;
    latestDate: string;
    weekdays: string;
    dayParts: string;
    locale: string;
  };
  manageUrl: string;
}): WishMailPayload {
  const { wish } = args;
  const service = localizeService(args.service, wish.locale);
  return {
    locale: wish.locale,
    office: officeMailFields(args.office),
    service: { name: service.name, textLocales: { name: service.textLocales.name } },
    wish: {
      referenceCode: wish.referenceCode,
      persons: wish.persons,
      givenName: wish.givenName ?? "",
      familyName: wish.familyName ?? "",
      earliestDate: wish.earliestDate,
      latestDate: wish.latestDate,
      weekdays: parseWeekdays(wish.weekdays),
      dayParts: parseDayParts(wish.dayParts),
    },
    manageUrl: args.manageUrl,
  };
}
