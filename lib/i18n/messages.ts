import type { Locale } from "./routing";

// Each namespace lives in its own file so that features can own their texts.
const loaders: Record<Locale, () => Promise<Record<string, unknown>>> = {
  de: async () => ({
    common: (await import("./messages/de/common.json")).default,
    booking: (await import("./messages/de/booking.json")).default,
    validation: (await import("./messages/de/validation.json")).default,
    errors: (await import("./messages/de/errors.json")).default,
    email: (await import("./messages/de/email.json")).default,
    staff: (await import("./messages/de/staff.json")).default,
    capacity: (await import("./messages/de/capacity.json")).default,
    agenda: (await import("./messages/de/agenda.json")).default,
    antibot: (await import("./messages/de/antibot.json")).default,
    privacy: (await import("./messages/de/privacy.json")).default,
    admin: (await import("./messages/de/admin.json")).default,
    staffUsers: (await import("./messages/de/staffUsers.json")).default,
    legal: (await import("./messages/de/legal.json")).default,
    easyLanguage: (await import("./messages/de/easyLanguage.json")).default,
    outbox: (await import("./messages/de/outbox.json")).default,
    evaluation: (await import("./messages/de/evaluation.json")).default,
  }),
};

export async function loadMessages(locale: Locale): Promise<Record<string, unknown>> {
  return loaders[locale]();
}
