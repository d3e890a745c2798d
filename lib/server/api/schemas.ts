import "server-only";
import "zod-openapi";
import { z } from "zod";
import { APPOINTMENT_KINDS, addDays } from "@/lib/domain";
import { DAY_PARTS } from "@/lib/domain/waitlist";
import { locales } from "@/lib/i18n/routing";
import { localDateSchema, manageTokenSchema, slugSchema } from "@/lib/schemas/booking";
import { FEED_FILE_PATTERN } from "@/lib/schemas/feeds";
import { receiptStatementSchema } from "@/lib/schemas/receipt";
import { roundIdSchema } from "@/lib/schemas/release-round";
import { BookingStatus, ReleaseMode, WishSource, WishStatus } from "@/lib/server/db/enums";
import { MAX_SLOT_RANGE_DAYS } from "@/lib/server/services/list-slots";
import { ERROR_CODES } from "./errors";

// The API's contract as zod schemas: routes parse requests with them, response builders take their types from them,
// and the OpenAPI document is generated from them, so the three cannot disagree.

export const EXAMPLE_TOKEN = "q5N3xYb0lB1w8kzS2m9Qf4VtR7cUeHjA6pLdGoWiZyE";
export const EXAMPLE_OFFICE = "auslaenderbehoerde";
export const EXAMPLE_SERVICE = "aufenthaltstitel-verlaengern";
const EXAMPLE_ORIGIN = "https://termine.example.org";

// ---- errors --------------------------------------------------------------------------------------------------------

export const errorSchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES).meta({ description: "Stable machine-readable code." }),
      message: z.string().meta({ description: "Text for people, in the language of the request." }),
      fields: z
        .record(z.string(), z.array(z.string()))
        .optional()
        .meta({ description: "Per invalid field (body property or query parameter), the reasons as texts." }),
    }),
  })
  .meta({ id: "Error" });

// ---- request parameters --------------------------------------------------------------------------------------------

export const officePathSchema = z.object({
  office: slugSchema.meta({ description: "The office's slug.", example: EXAMPLE_OFFICE }),
});

export const servicePathSchema = officePathSchema.extend({
  service: slugSchema.meta({ description: "The service's slug.", example: EXAMPLE_SERVICE }),
});

/** A service of the city's catalogue, whichever offices offer it. */
export const catalogueServicePathSchema = z.object({
  service: slugSchema.meta({ description: "The service's catalogue slug (`catalogueSlug` of a Service).", example: EXAMPLE_SERVICE }),
});

export const tokenPathSchema = z.object({
  token: manageTokenSchema.meta({
    description: "The manage token from the booking answer or the confirmation e-mail (43 characters, base64url).",
    example: EXAMPLE_TOKEN,
  }),
});

/** How a caller chooses the language of texts: `lang`, else Accept-Language, else German. */
export const languageQuerySchema = z.object({
  lang: z
    .enum(locales)
    .optional()
    // An unsupported language is no error: the answer falls back to Accept-Language, then German.
    .catch(undefined)
    .meta({
      description: "Language of the response's texts and links; takes precedence over Accept-Language. Others are ignored.",
      example: "en",
    }),
});

export const languageHeaderSchema = z.object({
  "accept-language": z
    .string()
    .optional()
    .meta({
      description:
        "Language of error messages, of service names, descriptions and documents, and of booking-page links, unless " +
        "`lang` is given. Unsupported languages fall back to German; so does each service text not yet translated.",
      example: "de-DE,de;q=0.9",
    }),
});

/** Days listed when the caller gives no end date: two weeks, like the wizard's calendar. */
export const DEFAULT_RANGE_DAYS = 14;
/** Local dates compare correctly as strings only while years have four digits. */
const LAST_LOCAL_DATE = "9999-12-31";

/** The last date of the default range from `from`. */
export function defaultRangeEnd(from: string): string {
  const latestStart = addDays(LAST_LOCAL_DATE, 1 - DEFAULT_RANGE_DAYS);
  return from > latestStart ? LAST_LOCAL_DATE : addDays(from, DEFAULT_RANGE_DAYS - 1);
}

/** A comma-separated list of service slugs in the query (further services of one appointment). */
function furtherServicesParam(description: string) {
  return z
    .string()
    .max(400, "tooManyServices")
    .transform((v) => v.split(",").filter(Boolean))
    .optional()
    .meta({ description, example: "reisepass" });
}

export const slotQuerySchema = languageQuerySchema.extend({
  from: localDateSchema.optional().meta({ description: "First local date (default: today).", example: "2030-03-04" }),
  to: localDateSchema
    .optional()
    .meta({ description: `Last local date (default: ${DEFAULT_RANGE_DAYS - 1} days after \`from\`).`, example: "2030-03-17" }),
  persons: z
    .string()
    .regex(/^[0-9]{1,3}$/, "invalidPersons")
    .transform(Number)
    .optional()
    .meta({ description: "Persons the appointment covers: a whole number from 1 (the default) to the service's maxPersons." }),
  next: z
    .enum(["0", "1", "true", "false"], { error: "invalid" })
    .optional()
    .meta({ description: "With 1 or true, the answer includes `nextFree`." }),
  furtherServices: furtherServicesParam(
    "Comma-separated slugs of further services of the same office in the same appointment: the slots then have " +
      "the combined length, and only clerks serving all the services count.",
  ),
  kind: z
    .enum(APPOINTMENT_KINDS, { error: "kindNotOffered" })
    .optional()
    .meta({ description: "How the appointment takes place (default: the only kind offered, else IN_PERSON); capacity may differ per kind." }),
});

/** The slot query of "earliest at any location": further services are catalogue entries, each office books its own. */
export const anyLocationSlotQuerySchema = slotQuerySchema.extend({
  furtherServices: furtherServicesParam(
    "Comma-separated catalogue slugs of further services in the same appointment: only offices offering all of " +
      "them (active, within their limit of services per appointment) count, each listed with its own services' " +
      "combined length and the clerks serving all of them. Slugs no office offers are refused; so is a combination " +
      "no office offers (`combinationNotOffered`).",
  ),
  kind: z.enum(APPOINTMENT_KINDS, { error: "kindNotOffered" }).optional().meta({
    description:
      "How the appointment takes place (default: IN_PERSON where some office offers the combination so, else the " +
      "first kind one does): only offices offering the combination in this kind count, with their capacity for it.",
  }),
});

/** Pixels: sharp on an A4 poster without being a large download. */
export const QR_PNG_WIDTH = 1024;

export const qrQuerySchema = languageQuerySchema.extend({
  format: z.enum(["png", "svg"], { error: "invalid" }).default("png").meta({ description: `PNG (${QR_PNG_WIDTH} px wide) or SVG.` }),
});

export const brandingLogoQuerySchema = z.object({
  format: z.enum(["png"]).optional().meta({ description: "`png` for the logo as PNG whatever it was uploaded as." }),
});

export const calendarFeedPathSchema = z.object({
  file: z.string().regex(FEED_FILE_PATTERN).meta({ description: "The feed's secret token followed by `.ics`." }),
});

// ---- resources -----------------------------------------------------------------------------------------------------

const instant = z.iso.datetime().meta({ description: "UTC instant." });
const url = z.url();

const addressSchema = z
  .object({ street: z.string(), postalCode: z.string(), locality: z.string(), room: z.string().nullable() })
  .meta({ id: "Address" });

const contactSchema = z
  .object({ phone: z.string().nullable(), email: z.string().nullable(), website: z.string().nullable() })
  .meta({ id: "Contact" });

const deepLinksSchema = z
  .object({
    booking: url.meta({ description: "The booking page (for links and QR codes)." }),
    qrPng: url.meta({ description: "QR code of the booking page as PNG." }),
    qrSvg: url.meta({ description: "QR code of the booking page as SVG." }),
  })
  .meta({ id: "DeepLinks" });

export const serviceSchema = z
  .object({
    slug: z.string().meta({ description: "The office's name of the service in URLs (usually the catalogue slug)." }),
    catalogueSlug: z.string().meta({
      description: "The service's entry in the city's catalogue, the same at every office that offers it.",
      example: EXAMPLE_SERVICE,
    }),
    leikaKey: z
      .string()
      .nullable()
      .meta({
        description: "Key of the federal service catalogue (LeiKa / FIM Leistungsschlüssel, 14 digits); null where not known.",
        example: "99010003001000",
      }),
    name: z.string(),
    description: z.string().nullable(),
    durationMinutes: z.int().meta({ description: "Length of an appointment for one person." }),
    extraPersonMinutes: z.int().meta({ description: "Added for every further person." }),
    maxPersons: z.int().min(1).meta({ description: "Most persons one appointment may cover." }),
    documents: z.array(z.string()).meta({ description: "Documents to bring." }),
    appointmentKinds: z.array(z.enum(APPOINTMENT_KINDS)).meta({
      description: "How appointments for it can take place at this office (IN_PERSON, PHONE: the office calls, VIDEO); several: the citizen chooses.",
    }),
    walkInDayParts: z.array(z.enum(DAY_PARTS)).meta({
      description:
        "Parts of the day in which the office also serves this matter without an appointment, with a waiting number drawn at the office (MORNING: before 12:00, AFTERNOON: from 12:00 office time); empty: by appointment only.",
    }),
    links: deepLinksSchema.extend({ slots: url.meta({ description: "This service's free slots." }) }),
  })
  .meta({
    id: "Service",
    example: {
      slug: EXAMPLE_SERVICE,
      catalogueSlug: EXAMPLE_SERVICE,
      leikaKey: "99010003001000",
      name: "Aufenthaltstitel verlängern",
      description: null,
      durationMinutes: 30,
      extraPersonMinutes: 15,
      maxPersons: 4,
      documents: ["Reisepass", "Aktuelles biometrisches Passfoto"],
      appointmentKinds: ["IN_PERSON"],
      walkInDayParts: [],
      links: {
        booking: `${EXAMPLE_ORIGIN}/${EXAMPLE_OFFICE}/${EXAMPLE_SERVICE}`,
        qrPng: `${EXAMPLE_ORIGIN}/api/qr/${EXAMPLE_OFFICE}/${EXAMPLE_SERVICE}?format=png`,
        qrSvg: `${EXAMPLE_ORIGIN}/api/qr/${EXAMPLE_OFFICE}/${EXAMPLE_SERVICE}?format=svg`,
        slots: `${EXAMPLE_ORIGIN}/api/v1/offices/${EXAMPLE_OFFICE}/services/${EXAMPLE_SERVICE}/slots`,
      },
    },
  });

const officeDetailsSchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    department: z.string().nullable(),
    authority: z.string(),
    address: addressSchema,
    contact: contactSchema,
    directions: z.string().nullable(),
    timeZone: z.string().meta({ description: "IANA time zone of the office's opening hours.", example: "Europe/Berlin" }),
  })
  .meta({ id: "OfficeDetails" });

export const officeSchema = officeDetailsSchema
  .extend({
    bookingHorizonDays: z.int().meta({ description: "How many days ahead appointments can be booked." }),
    maxServicesPerBooking: z.int().min(1).meta({ description: "How many of its services one appointment may combine (1: one service only)." }),
    links: deepLinksSchema,
    services: z.array(serviceSchema),
  })
  .meta({ id: "Office" });

export const officeListSchema = z.object({ offices: z.array(officeSchema) }).meta({ id: "OfficeList" });

export const serviceListSchema = z.object({ office: z.string(), services: z.array(serviceSchema) }).meta({ id: "ServiceList" });

const slotExample = { start: "2030-03-04T08:00:00.000Z", end: "2030-03-04T08:30:00.000Z" };

export const slotSchema = z.object({ start: instant, end: instant }).meta({ id: "Slot", example: slotExample });

export const slotListSchema = z
  .object({
    office: z.string(),
    service: z.string(),
    timeZone: z.string(),
    persons: z.int(),
    furtherServices: z.array(z.string()).meta({ description: "The further services of the appointment listed for, as asked." }),
    kind: z.enum(APPOINTMENT_KINDS),
    from: z.iso.date().meta({ description: "First local date listed (after clamping to today)." }),
    to: z.iso.date().meta({
      description:
        `Last local date listed (after clamping to the booking horizon and to ${MAX_SLOT_RANGE_DAYS} days). Never before ` +
        "`from`: a range that starts beyond the horizon lists nothing and answers `to` equal to `from`.",
    }),
    slots: z.array(slotSchema),
    nextFree: slotSchema
      .nullable()
      .optional()
      .meta({ description: "Only with ?next=1: the earliest free slot from `from` on, or null if there is none." }),
  })
  .meta({
    id: "SlotList",
    example: {
      office: EXAMPLE_OFFICE,
      service: EXAMPLE_SERVICE,
      timeZone: "Europe/Berlin",
      persons: 1,
      furtherServices: [],
      kind: "IN_PERSON",
      from: "2030-03-04",
      to: "2030-03-17",
      slots: [slotExample, { start: "2030-03-04T08:30:00.000Z", end: "2030-03-04T09:00:00.000Z" }],
      nextFree: slotExample,
    },
  });

const locatedSlotExample = { ...slotExample, office: EXAMPLE_OFFICE };

export const locatedSlotSchema = slotSchema
  .extend({ office: z.string().meta({ description: "Slug of the office the slot is at (one of `offices`)." }) })
  .meta({ id: "LocatedSlot", example: locatedSlotExample });

export const anyLocationSlotListSchema = z
  .object({
    service: z.string().meta({ description: "The catalogue slug." }),
    persons: z.int(),
    furtherServices: z.array(z.string()).meta({ description: "Catalogue slugs of the further services listed for, as asked." }),
    kind: z.enum(APPOINTMENT_KINDS).meta({ description: "The kind listed for; book with the same kind." }),
    from: z.iso.date().meta({ description: "First local date listed (after clamping to today)." }),
    to: z.iso.date().meta({
      description:
        `Last local date listed (after clamping to the latest booking horizon of the offices and to ${MAX_SLOT_RANGE_DAYS} ` +
        "days); each office lists only its own bookable dates. Never before `from`.",
    }),
    offices: z
      .array(
        z.object({
          slug: z.string(),
          name: z.string(),
          timeZone: z.string().meta({ description: "IANA time zone of the office's opening hours." }),
          service: z.string().meta({ description: "The office's slug of the service, for booking there." }),
          furtherServices: z
            .array(z.string())
            .meta({ description: "The office's slugs of the further services, for booking there (`furtherServices` of the booking)." }),
        }),
      )
      .meta({ description: "The offices offering the service for this many persons, by name." }),
    slots: z.array(locatedSlotSchema).meta({ description: "Every office's free slots, by start; at the same start by office name." }),
    nextFree: locatedSlotSchema.nullable().optional().meta({
      description:
        "Only with ?next=1: the earliest free slot from `from` on at any of the offices (at the same start, the office " +
        "first by name), or null if there is none.",
    }),
  })
  .meta({
    id: "AnyLocationSlotList",
    example: {
      service: EXAMPLE_SERVICE,
      persons: 1,
      furtherServices: [],
      kind: "IN_PERSON",
      from: "2030-03-04",
      to: "2030-03-17",
      offices: [{ slug: EXAMPLE_OFFICE, name: "Ausländerbehörde", timeZone: "Europe/Berlin", service: EXAMPLE_SERVICE, furtherServices: [] }],
      slots: [locatedSlotExample],
      nextFree: locatedSlotExample,
    },
  });

const createdCommon = {
  referenceCode: z.string().meta({ description: "Short code the citizen quotes at the counter." }),
  startsAt: instant,
  endsAt: instant,
};

export const bookingCreatedSchema = z
  .discriminatedUnion("status", [
    z.object({
      ...createdCommon,
      status: z.literal("CONFIRMED"),
      manageToken: z
        .string()
        .meta({ description: "Secret for viewing and cancelling; shown only in this answer and the e-mail." }),
      manageUrl: url.meta({ description: "Page to view, move or cancel the appointment." }),
      calendarUrl: url.meta({ description: "The appointment as an iCalendar file." }),
    }),
    z.object({
      ...createdCommon,
      status: z.literal("HELD"),
      holdExpiresAt: instant.meta({ description: "End of the hold." }),
    }),
  ])
  .meta({
    id: "BookingCreated",
    description:
      "With status CONFIRMED the appointment is booked. With status HELD (offices that verify e-mail addresses) it is " +
      "reserved until `holdExpiresAt`: the manage link is sent only to the e-mail address, where the citizen confirms " +
      "it; this answer then carries no token or links. An unconfirmed hold is released and erased when it expires.",
    example: {
      referenceCode: "TV-7K3M-Q9XA",
      status: "CONFIRMED",
      startsAt: slotExample.start,
      endsAt: slotExample.end,
      manageToken: EXAMPLE_TOKEN,
      manageUrl: `${EXAMPLE_ORIGIN}/termin/${EXAMPLE_TOKEN}`,
      calendarUrl: `${EXAMPLE_ORIGIN}/api/v1/bookings/${EXAMPLE_TOKEN}/calendar.ics`,
    },
  });

export const bookingSchema = z
  .object({
    referenceCode: z.string(),
    status: z.enum(BookingStatus),
    startsAt: instant,
    endsAt: instant,
    persons: z.int(),
    cancellable: z.boolean().meta({ description: "Whether DELETE would cancel it now." }),
    office: officeDetailsSchema,
    service: z.object({ slug: z.string(), name: z.string(), documents: z.array(z.string()) }),
    furtherServices: z
      .array(z.object({ slug: z.string(), name: z.string(), documents: z.array(z.string()) }))
      .meta({ description: "Further services taken care of in the same appointment." }),
    kind: z.enum(APPOINTMENT_KINDS),
    videoUrl: url.nullable().meta({ description: "A video appointment's meeting link; null for other kinds." }),
    links: z.object({ manage: url, calendar: url }),
  })
  .meta({ id: "Booking", description: "An appointment as its manage link shows it; personal data is never included." });

// ---- waiting list --------------------------------------------------------------------------------------------------

export const wishTokenPathSchema = z.object({
  token: manageTokenSchema.meta({
    description: "The manage token from the link in the wish's confirmation e-mail (43 characters, base64url).",
    example: EXAMPLE_TOKEN,
  }),
});

const localDate = z.iso.date().meta({ description: "The office's local date." });

const wishPreferencesSchema = z
  .object({
    earliestDate: localDate,
    latestDate: localDate,
    weekdays: z.array(z.int().min(1).max(7)).meta({ description: "ISO weekdays (1 Monday to 7 Sunday)." }),
    dayParts: z.array(z.enum(DAY_PARTS)),
  })
  .meta({ id: "WishPreferences", example: { earliestDate: "2030-03-04", latestDate: "2030-04-30", weekdays: [1, 3], dayParts: ["MORNING"] } });

export const wishCreatedSchema = z
  .object({
    referenceCode: z.string().meta({ description: "Short code to quote when asking the office about the wish." }),
    status: z.literal("UNCONFIRMED"),
  })
  .meta({
    id: "WishCreated",
    description:
      "The wish is written but does not count yet: the manage link goes only to the e-mail address, where the " +
      "citizen confirms it (on the page, or with `POST /api/v1/wishes/{token}/confirmation`). Like a held booking's, " +
      "the token is not in this answer, so that no client can confirm a wish for an address it does not own.",
    example: { referenceCode: "TV-7K3M-Q9XA", status: "UNCONFIRMED" },
  });

export const wishSchema = z
  .object({
    referenceCode: z.string(),
    status: z.enum(WishStatus).meta({
      description:
        "UNCONFIRMED until confirmed; ACTIVE waits for offers; BOOKED ended in an appointment; WITHDRAWN, REMOVED " +
        "(by the office) and EXPIRED (after the latest date) are closed.",
    }),
    source: z.enum(WishSource).meta({ description: "WAITLIST, a release round's request (ROUND) or an extension request (EXTENSION)." }),
    persons: z.int(),
    confirmedAt: instant.nullable().meta({ description: "When it was confirmed: its place in the order (after urgency)." }),
    preferences: wishPreferencesSchema,
    office: officeDetailsSchema,
    service: z.object({ slug: z.string(), name: z.string() }),
    offer: z
      .object({
        startsAt: instant,
        endsAt: instant,
        deadline: instant.meta({ description: "Accept or decline before this instant; then it passes to the next wish." }),
      })
      .nullable()
      .meta({ description: "The appointment held for this wish right now, if any." }),
    booking: z
      .object({ ...createdCommon, status: z.enum(BookingStatus) })
      .nullable()
      .meta({ description: "The appointment the wish ended in (status BOOKED)." }),
    links: z.object({
      manage: url,
      round: url.optional().meta({ description: "A release round's request: the round's public record in this API." }),
      receipt: url.optional().meta({ description: "An extension request: the page of its signed receipt (with the PDF and QR code)." }),
    }),
  })
  .meta({ id: "Wish", description: "A wish on the waiting list as its manage link shows it; personal data is never included." });

export const offerAcceptedSchema = z
  .object({
    ...createdCommon,
    status: z.literal("CONFIRMED"),
    manageToken: z.string().nullable().meta({
      description:
        "The appointment's own manage token (for `/api/v1/bookings/{token}`), new with this acceptance and also in the " +
        "confirmation e-mail; null when the offer was accepted before (the e-mail of that acceptance has it).",
    }),
    manageUrl: url.nullable().meta({ description: "Page to view, move or cancel the appointment; null as for the token." }),
    calendarUrl: url.nullable().meta({ description: "The appointment as an iCalendar file; null as for the token." }),
  })
  .meta({
    id: "OfferAccepted",
    description: "The offered appointment is booked: the wish is BOOKED and the confirmation e-mail with the calendar file goes out.",
  });

// ---- release rounds ------------------------------------------------------------------------------------------------

export const roundPathSchema = z.object({
  id: roundIdSchema.meta({ description: "The round's id.", example: "cm4x2k9z10000abcd1234efgh" }),
});

const period = {
  opensAt: instant.meta({ description: "The request window opens." }),
  closesAt: instant.meta({ description: "The request window closes; the draw follows by itself." }),
  periodFrom: localDate.meta({ description: "First local date whose appointments the round releases." }),
  periodTo: localDate.meta({ description: "Last local date whose appointments the round releases." }),
};

export const serviceRoundsSchema = z
  .object({
    office: z.string(),
    service: z.string(),
    releaseMode: z.enum(ReleaseMode).meta({
      description: "FIRST_COME: free slots are booked as listed. ROUNDS: new appointments are released only by drawn rounds.",
    }),
    next: z
      .object({
        id: z.string(),
        ...period,
        open: z.boolean().meta({ description: "Whether the window is open now: requests are taken." }),
        places: z.int().meta({ description: "Appointments the period releases for this service as things stand now." }),
        links: z.object({ round: url.meta({ description: "The round's public record in this API." }) }),
      })
      .nullable()
      .meta({ description: "The open round, else the next announced one; null when none is announced." }),
    lastRequestCount: z.int().nullable().meta({ description: "Requests counted in the last drawn round; null before the first." }),
  })
  .meta({ id: "ServiceRounds" });

export const roundSchema = z
  .object({
    id: z.string(),
    office: z.object({ slug: z.string(), name: z.string(), timeZone: z.string() }),
    service: z
      .object({ slug: z.string(), name: z.string() })
      .nullable()
      .meta({ description: "The service released; null: every service of the office in release-round mode." }),
    ...period,
    phase: z.enum(["announced", "open", "closed", "drawn"]),
    seedHash: z.string().meta({ description: "SHA-256 (hex) of the secret seed, published before the window opens." }),
    seed: z.string().nullable().meta({ description: "The seed, published once drawn; its SHA-256 must equal `seedHash`." }),
    drawnAt: instant.nullable(),
    requestCount: z.int().meta({ description: "Confirmed requests so far; once drawn, those the draw counted (duplicates once)." }),
    placeCount: z.int().meta({ description: "Appointments the draw released (0 before it)." }),
    assignedCount: z.int().meta({ description: "Appointments the draw assigned (0 before it)." }),
    drawRecord: z
      .looseObject({
        version: z.literal(1),
        roundId: z.string(),
        seed: z.string(),
        seedHash: z.string(),
        requests: z.array(z.looseObject({ id: z.string() })).meta({ description: "The anonymised requests (ids and preferences)." }),
        released: z.array(z.looseObject({ serviceId: z.string(), start: instant, end: instant })),
        assignment: z.array(z.looseObject({ requestId: z.string(), serviceId: z.string(), start: instant, end: instant })),
      })
      .nullable()
      .meta({
        description:
          "Once drawn: everything needed to recompute the draw (`npm run verify-draw` does), nothing personal. Null before.",
      }),
  })
  .meta({ id: "Round", description: "A release round as published: the seed hash from the announcement, the seed and the record once drawn." });

// ---- extension receipts --------------------------------------------------------------------------------------------

export const receiptCheckQuerySchema = languageQuerySchema.extend({
  code: z.string({ error: "required" }).min(1, "required").meta({
    description:
      "The check code of the receipt, as its QR code's link carries it (`…/quittung/pruefen?code=<code>`): base64url, " +
      "a dot, base64url. White space (from a copied printout) is ignored.",
  }),
});

export const receiptCheckSchema = z
  .discriminatedUnion("genuine", [
    z.object({ genuine: z.literal(false) }),
    z.object({
      genuine: z.literal(true),
      statement: receiptStatementSchema.meta({
        id: "ReceiptStatement",
        description:
          "Exactly what the receipt states, as the server signed it: number, office, service, when the request was " +
          "filed, the person's name, date of birth and permit expiry as given, the office's note and the key's id.",
      }),
      withdrawn: z.boolean().meta({ description: "Whether the request was withdrawn or removed since it was filed." }),
    }),
  ])
  .meta({
    id: "ReceiptCheck",
    description:
      "Whether this server signed the receipt (Ed25519, verified against its current key). A code that is altered, " +
      "malformed or not signed here is not genuine, and nothing else is said about it.",
  });

export const healthSchema = z
  .object({ status: z.enum(["ok", "error"]), database: z.enum(["ok", "error"]) })
  .meta({ id: "Health" });

export const antibotChallengeSchema = z
  .object({
    parameters: z
      .record(z.string(), z.unknown())
      .meta({ description: "algorithm, nonce, salt, cost, keyLength, keyPrefix, keySignature, expiresAt (seconds)" }),
    signature: z.string(),
  })
  .meta({ id: "AntibotChallenge" });

export type ErrorResource = z.infer<typeof errorSchema>;
export type OfficeResource = z.infer<typeof officeSchema>;
export type OfficeList = z.infer<typeof officeListSchema>;
export type ServiceResource = z.infer<typeof serviceSchema>;
export type ServiceList = z.infer<typeof serviceListSchema>;
export type SlotResource = z.infer<typeof slotSchema>;
export type SlotList = z.infer<typeof slotListSchema>;
export type AnyLocationSlotList = z.infer<typeof anyLocationSlotListSchema>;
export type BookingCreated = z.infer<typeof bookingCreatedSchema>;
export type BookingResource = z.infer<typeof bookingSchema>;
/** What a call-up display shows (GET /api/live/{office}/state, and each `state` event of the stream). */
export const displayStateSchema = z
  .object({
    version: z.number().int().meta({ description: "The office's queue version of the day; it grows with every queue change." }),
    date: z.string().meta({ description: "The office's local date (YYYY-MM-DD)." }),
    calls: z
      .array(
        z.object({
          key: z.string().meta({ description: "Ticket and call count: a repeated call has a new key." }),
          label: z.string().meta({ example: "T-017" }),
          spoken: z.string().meta({ description: "The number as read out.", example: "T 17" }),
          counter: z.string().meta({ example: "Platz 3" }),
          calledAt: z.string().meta({ description: "UTC instant of the call." }),
          callCount: z.number().int(),
          locale: z.string().meta({ description: "The ticket's language, for the announcement." }),
        }),
      )
      .meta({ description: "The last calls of the day, newest first: numbers and counters only." }),
  })
  .meta({ id: "DisplayState" });

export type DisplayStateResource = z.infer<typeof displayStateSchema>;
export type Health = z.infer<typeof healthSchema>;
export type WishCreated = z.infer<typeof wishCreatedSchema>;
export type WishResource = z.infer<typeof wishSchema>;
export type OfferAccepted = z.infer<typeof offerAcceptedSchema>;
export type ServiceRounds = z.infer<typeof serviceRoundsSchema>;
export type RoundResource = z.infer<typeof roundSchema>;
export type ReceiptCheckResource = z.infer<typeof receiptCheckSchema>;
