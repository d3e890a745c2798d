import "server-only";
import { locales } from "@/lib/i18n/routing";
import { BookingStatus } from "@/lib/server/db/enums";
import { DEFAULT_API_LIMIT } from "@/lib/server/security/api-rate-limit";
import { MAX_SLOT_RANGE_DAYS } from "@/lib/server/services/list-slots";
import { MAX_BODY_BYTES } from "./body";
import { ApiError, ERROR_CODES, ERROR_STATUS, errorBody } from "./errors";
import { QR_PNG_WIDTH } from "./qr-code";

// The OpenAPI 3.1 description of the public API, written by hand from the same constants the routes use. A unit
// test checks that every route handler under app/api appears here with its methods, and nothing else does.

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const response = (name: string) => ({ $ref: `#/components/responses/${name}` });

const EXAMPLE_TOKEN = "q5N3xYb0lB1w8kzS2m9Qf4VtR7cUeHjA6pLdGoWiZyE";
const EXAMPLE_OFFICE = "auslaenderbehoerde";
const EXAMPLE_SERVICE = "aufenthaltstitel-verlaengern";

const nullableString = { type: ["string", "null"] };

/** Error responses by status; each lists the codes the API answers with that status, with their real German texts. */
const ERROR_RESPONSES: Record<
  string,
  { status: number; description: string; fields?: Record<string, string[]>; headers?: Record<string, object> }
> = {
  BadRequest: {
    status: 400,
    description: "Malformed request: the body is not a JSON object, or a query parameter is invalid.",
    fields: { persons: ["invalidPersons"] },
  },
  NotFound: {
    status: 404,
    description:
      "Unknown or inactive office or service, or no booking for this token (a wrong token and an erased booking look the same).",
  },
  Conflict: {
    status: 409,
    description:
      "The slot cannot be booked (taken, not offered, too soon, beyond the booking horizon), the e-mail address has too many active bookings, or the booking can no longer be changed.",
  },
  Forbidden: {
    status: 403,
    description:
      "The proof of work is missing, invalid, expired or was used before. Solve a fresh challenge from `GET /api/antibot/challenge`.",
  },
  TooManyRequests: {
    status: 429,
    description:
      `Too many requests from this client (TOO_MANY_REQUESTS: the slot listing allows ${DEFAULT_API_LIMIT.points} per ` +
      `${DEFAULT_API_LIMIT.windowSeconds} seconds), or too many booking attempts from this client or for this e-mail ` +
      "address (RATE_LIMITED). The `Retry-After` header gives the seconds to wait.",
    headers: {
      "Retry-After": { description: "Seconds to wait before the next request.", schema: { type: "integer", minimum: 1 } },
    },
  },
  PayloadTooLarge: { status: 413, description: `Request body larger than ${MAX_BODY_BYTES} bytes.` },
  UnsupportedMediaType: { status: 415, description: "The body is not sent as application/json." },
  UnprocessableEntity: {
    status: 422,
    description: "Validation failed; `fields` names each invalid field with the reasons.",
    fields: { email: ["invalidEmail"], privacyConsent: ["consentRequired"] },
  },
  InternalError: { status: 500, description: "Unexpected server error. Nothing about its cause is disclosed." },
};

function errorResponses() {
  return Object.fromEntries(
    Object.entries(ERROR_RESPONSES).map(([name, { status, description, fields, headers }]) => [
      name,
      {
        description,
        ...(headers ? { headers } : {}),
        content: {
          "application/json": {
            schema: ref("Error"),
            examples: Object.fromEntries(
              ERROR_CODES.filter((code) => ERROR_STATUS[code] === status).map((code) => [
                code,
                { value: errorBody(new ApiError(code, fields), "de") },
              ]),
            ),
          },
        },
      },
    ]),
  );
}

const officeParam = {
  name: "office",
  in: "path",
  required: true,
  description: "The office's slug.",
  schema: { type: "string", pattern: "^[a-z0-9]+(-[a-z0-9]+)*$", maxLength: 80 },
  example: EXAMPLE_OFFICE,
};
const serviceParam = { ...officeParam, name: "service", description: "The service's slug.", example: EXAMPLE_SERVICE };
const tokenParam = {
  name: "token",
  in: "path",
  required: true,
  description: "The manage token from the booking answer or the confirmation e-mail (43 characters, base64url).",
  schema: { type: "string", pattern: "^[A-Za-z0-9_-]{43}$" },
  example: EXAMPLE_TOKEN,
};
const acceptLanguage = {
  name: "Accept-Language",
  in: "header",
  required: false,
  description:
    "Language of error messages, of service names, descriptions and documents, and of booking-page links, unless " +
    "`lang` is given. Unsupported languages fall back to German; so does each service text not yet translated.",
  schema: { type: "string" },
  example: "de-DE,de;q=0.9",
};
const langQuery = {
  name: "lang",
  in: "query",
  required: false,
  description: "Language of the response's texts and links; takes precedence over Accept-Language.",
  schema: { type: "string", enum: [...locales] },
  example: "en",
};
/** How a caller chooses the language of texts: `lang`, else Accept-Language, else German. */
const language = [langQuery, acceptLanguage];
const qrFormat = {
  name: "format",
  in: "query",
  required: false,
  description: `PNG (${QR_PNG_WIDTH} px wide) or SVG.`,
  schema: { type: "string", enum: ["png", "svg"], default: "png" },
};

const slotExample = { start: "2030-03-04T08:00:00.000Z", end: "2030-03-04T08:30:00.000Z" };

const schemas = {
  Error: {
    type: "object",
    required: ["error"],
    properties: {
      error: {
        type: "object",
        required: ["code", "message"],
        properties: {
          code: { type: "string", enum: ERROR_CODES, description: "Stable machine-readable code." },
          message: { type: "string", description: "Text for people, in the language of Accept-Language." },
          fields: {
            type: "object",
            description: "Per invalid field (body property or query parameter), the reasons as texts.",
            additionalProperties: { type: "array", items: { type: "string" } },
          },
        },
      },
    },
  },
  Address: {
    type: "object",
    required: ["street", "postalCode", "locality", "room"],
    properties: { street: { type: "string" }, postalCode: { type: "string" }, locality: { type: "string" }, room: nullableString },
  },
  Contact: {
    type: "object",
    required: ["phone", "email", "website"],
    properties: { phone: nullableString, email: nullableString, website: nullableString },
  },
  DeepLinks: {
    type: "object",
    required: ["booking", "qrPng", "qrSvg"],
    properties: {
      booking: { type: "string", format: "uri", description: "The booking page (for links and QR codes)." },
      qrPng: { type: "string", format: "uri", description: "QR code of the booking page as PNG." },
      qrSvg: { type: "string", format: "uri", description: "QR code of the booking page as SVG." },
    },
  },
  Service: {
    type: "object",
    required: ["slug", "name", "description", "durationMinutes", "extraPersonMinutes", "maxPersons", "documents", "links"],
    properties: {
      slug: { type: "string" },
      name: { type: "string" },
      description: nullableString,
      durationMinutes: { type: "integer", description: "Length of an appointment for one person." },
      extraPersonMinutes: { type: "integer", description: "Added for every further person." },
      maxPersons: { type: "integer", minimum: 1, description: "Most persons one appointment may cover." },
      documents: { type: "array", items: { type: "string" }, description: "Documents to bring." },
      links: {
        allOf: [
          ref("DeepLinks"),
          {
            type: "object",
            required: ["slots"],
            properties: { slots: { type: "string", format: "uri", description: "This service's free slots." } },
          },
        ],
      },
    },
    example: {
      slug: EXAMPLE_SERVICE,
      name: "Aufenthaltstitel verlängern",
      description: null,
      durationMinutes: 30,
      extraPersonMinutes: 15,
      maxPersons: 4,
      documents: ["Reisepass", "Aktuelles biometrisches Passfoto"],
      links: {
        booking: `https://termine.example.org/${EXAMPLE_OFFICE}/${EXAMPLE_SERVICE}`,
        qrPng: `https://termine.example.org/api/qr/${EXAMPLE_OFFICE}/${EXAMPLE_SERVICE}?format=png`,
        qrSvg: `https://termine.example.org/api/qr/${EXAMPLE_OFFICE}/${EXAMPLE_SERVICE}?format=svg`,
        slots: `https://termine.example.org/api/v1/offices/${EXAMPLE_OFFICE}/services/${EXAMPLE_SERVICE}/slots`,
      },
    },
  },
  OfficeDetails: {
    type: "object",
    required: ["slug", "name", "department", "authority", "address", "contact", "directions", "timeZone"],
    properties: {
      slug: { type: "string" },
      name: { type: "string" },
      department: nullableString,
      authority: { type: "string" },
      address: ref("Address"),
      contact: ref("Contact"),
      directions: nullableString,
      timeZone: { type: "string", description: "IANA time zone of the office's opening hours.", example: "Europe/Berlin" },
    },
  },
  Office: {
    allOf: [
      ref("OfficeDetails"),
      {
        type: "object",
        required: ["bookingHorizonDays", "links", "services"],
        properties: {
          bookingHorizonDays: { type: "integer", description: "How many days ahead appointments can be booked." },
          links: ref("DeepLinks"),
          services: { type: "array", items: ref("Service") },
        },
      },
    ],
  },
  OfficeList: {
    type: "object",
    required: ["offices"],
    properties: { offices: { type: "array", items: ref("Office") } },
  },
  ServiceList: {
    type: "object",
    required: ["office", "services"],
    properties: { office: { type: "string" }, services: { type: "array", items: ref("Service") } },
  },
  Slot: {
    type: "object",
    required: ["start", "end"],
    properties: {
      start: { type: "string", format: "date-time", description: "UTC instant." },
      end: { type: "string", format: "date-time", description: "UTC instant." },
    },
    example: slotExample,
  },
  SlotList: {
    type: "object",
    required: ["office", "service", "timeZone", "persons", "from", "to", "slots"],
    properties: {
      office: { type: "string" },
      service: { type: "string" },
      timeZone: { type: "string" },
      persons: { type: "integer" },
      from: { type: "string", format: "date", description: "First local date listed (after clamping to today)." },
      to: {
        type: "string",
        format: "date",
        description: `Last local date listed (after clamping to the booking horizon and to ${MAX_SLOT_RANGE_DAYS} days).`,
      },
      slots: { type: "array", items: ref("Slot") },
      nextFree: {
        oneOf: [ref("Slot"), { type: "null" }],
        description: "Only with ?next=1: the earliest free slot from `from` on, or null if there is none.",
      },
    },
    example: {
      office: EXAMPLE_OFFICE,
      service: EXAMPLE_SERVICE,
      timeZone: "Europe/Berlin",
      persons: 1,
      from: "2030-03-04",
      to: "2030-03-17",
      slots: [slotExample, { start: "2030-03-04T08:30:00.000Z", end: "2030-03-04T09:00:00.000Z" }],
      nextFree: slotExample,
    },
  },
  BookingRequest: {
    type: "object",
    required: ["office", "service", "start", "familyName", "email", "dateOfBirth", "privacyConsent"],
    properties: {
      office: { type: "string", maxLength: 80 },
      service: { type: "string", maxLength: 80 },
      start: { type: "string", format: "date-time", description: "A slot's start exactly as listed (UTC, ending in Z)." },
      persons: { type: ["integer", "null"], minimum: 1, default: 1, description: "At most the service's maxPersons." },
      givenName: { type: "string", maxLength: 100, description: "Optional (not everyone has one). Letters, spaces, apostrophes and hyphens; no digits." },
      familyName: { type: "string", minLength: 1, maxLength: 100 },
      email: { type: "string", format: "email", maxLength: 254 },
      phone: { type: ["string", "null"], maxLength: 40, pattern: "^$|^\\+?[0-9 ()/-]{5,}$" },
      dateOfBirth: { type: "string", format: "date", description: "Not in the future, at most 130 years ago." },
      remark: { type: ["string", "null"], maxLength: 500 },
      privacyConsent: { const: true, description: "The person has read the privacy notice." },
      locale: {
        type: ["string", "null"],
        enum: [...locales, null],
        description:
          "Language of the e-mails, the calendar entry and the manage link. Left out: the request's language (`lang`, else Accept-Language, else German).",
      },
      altcha: {
        type: "string",
        description:
          "A solved ALTCHA challenge (base64 of JSON { challenge, solution }), as from the `X-Altcha` header; one per booking.",
      },
    },
    description:
      "Strings must not contain control characters; tabs and line breaks only in `remark`. Optional fields may be null or left out.",
    example: {
      office: EXAMPLE_OFFICE,
      service: EXAMPLE_SERVICE,
      start: slotExample.start,
      persons: 1,
      givenName: "Amira",
      familyName: "Haddad",
      email: "amira.haddad@example.org",
      phone: "+49 30 1234567",
      dateOfBirth: "1990-05-17",
      privacyConsent: true,
    },
  },
  AntibotChallenge: {
    type: "object",
    required: ["parameters", "signature"],
    properties: {
      parameters: {
        type: "object",
        description: "algorithm, nonce, salt, cost, keyLength, keyPrefix, keySignature, expiresAt (seconds)",
      },
      signature: { type: "string" },
    },
  },
  BookingCreated: {
    type: "object",
    description:
      "With status CONFIRMED the appointment is booked. With status HELD (offices that verify e-mail addresses) it is " +
      "reserved until `holdExpiresAt`: the manage link is sent only to the e-mail address, where the citizen confirms " +
      "it; this answer then carries no token or links. An unconfirmed hold is released and erased when it expires.",
    required: ["referenceCode", "status", "startsAt", "endsAt"],
    properties: {
      referenceCode: { type: "string", description: "Short code the citizen quotes at the counter." },
      status: { type: "string", enum: ["CONFIRMED", "HELD"] },
      holdExpiresAt: { type: "string", format: "date-time", description: "Only with status HELD: end of the hold." },
      startsAt: { type: "string", format: "date-time" },
      endsAt: { type: "string", format: "date-time" },
      manageToken: {
        type: "string",
        description: "Only with status CONFIRMED: secret for viewing and cancelling; shown only in this answer and the e-mail.",
      },
      manageUrl: { type: "string", format: "uri", description: "Page to view, move or cancel the appointment." },
      calendarUrl: { type: "string", format: "uri", description: "The appointment as an iCalendar file." },
    },
    example: {
      referenceCode: "TV-7K3M-Q9XA",
      status: "CONFIRMED",
      startsAt: slotExample.start,
      endsAt: slotExample.end,
      manageToken: EXAMPLE_TOKEN,
      manageUrl: `https://termine.example.org/termin/${EXAMPLE_TOKEN}`,
      calendarUrl: `https://termine.example.org/api/v1/bookings/${EXAMPLE_TOKEN}/calendar.ics`,
    },
  },
  Booking: {
    type: "object",
    description: "An appointment as its manage link shows it; personal data is never included.",
    required: ["referenceCode", "status", "startsAt", "endsAt", "persons", "cancellable", "office", "service", "links"],
    properties: {
      referenceCode: { type: "string" },
      status: { type: "string", enum: Object.values(BookingStatus) },
      startsAt: { type: "string", format: "date-time" },
      endsAt: { type: "string", format: "date-time" },
      persons: { type: "integer" },
      cancellable: { type: "boolean", description: "Whether DELETE would cancel it now." },
      office: ref("OfficeDetails"),
      service: {
        type: "object",
        required: ["slug", "name", "documents"],
        properties: { slug: { type: "string" }, name: { type: "string" }, documents: { type: "array", items: { type: "string" } } },
      },
      links: {
        type: "object",
        required: ["manage", "calendar"],
        properties: { manage: { type: "string", format: "uri" }, calendar: { type: "string", format: "uri" } },
      },
    },
  },
  Health: {
    type: "object",
    required: ["status", "database"],
    properties: { status: { type: "string", enum: ["ok", "error"] }, database: { type: "string", enum: ["ok", "error"] } },
  },
};

const json = (schema: object, description: string) => ({ description, content: { "application/json": { schema } } });
const notFound = { "404": response("NotFound") };
const common = { "500": response("InternalError") };
const queryErrors = { "400": response("BadRequest") };

/** The API description; server URLs use APP_URL. */
export function openApiDocument(appUrl: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Terminvergabe API",
      version: "1.0.0",
      description:
        "Appointments at public offices: offices and services, free slots, booking and managing a booking with its " +
        "manage token. All times are UTC instants; local dates are the office's calendar dates. Errors always have " +
        "the shape of the Error schema. Texts (errors, service names, descriptions, documents) are in the language of " +
        "the `lang` query parameter, else of Accept-Language, else German; service texts an office has not translated " +
        "are German.",
      license: { name: "EUPL-1.2", identifier: "EUPL-1.2" },
    },
    servers: [{ url: appUrl }],
    tags: [
      { name: "catalogue", description: "Offices, services and free slots." },
      { name: "bookings", description: "Booking, viewing and cancelling appointments." },
      { name: "links", description: "QR codes of booking pages." },
      { name: "operations", description: "Monitoring." },
    ],
    paths: {
      "/api/v1/offices": {
        get: {
          operationId: "listOffices",
          tags: ["catalogue"],
          summary: "Offices that take online bookings, with their services and deep links",
          description:
            "An office is listed while it is active, has an active service and has clerks planned for one of its active " +
            "services within its booking horizon (closures and public holidays taken into account), so that every listed " +
            "office can be booked. A fully booked office stays listed. An active office that is not ready yet is left out; " +
            "its services path still answers, with no free slots.",
          parameters: [...language],
          responses: { "200": json(ref("OfficeList"), "The offices."), ...common },
        },
      },
      "/api/v1/offices/{office}/services": {
        get: {
          operationId: "listServices",
          tags: ["catalogue"],
          summary: "The services an office takes online bookings for",
          parameters: [officeParam, ...language],
          responses: { "200": json(ref("ServiceList"), "The services."), ...notFound, ...common },
        },
      },
      "/api/v1/offices/{office}/services/{service}/slots": {
        get: {
          operationId: "listSlots",
          tags: ["catalogue"],
          summary: "Free slots of a service",
          description:
            `Lists every start time a booking would accept right now. The range is clamped to today, the booking horizon and ${MAX_SLOT_RANGE_DAYS} days. ` +
            `Each client may ask ${DEFAULT_API_LIMIT.points} times per ${DEFAULT_API_LIMIT.windowSeconds} seconds.`,
          parameters: [
            officeParam,
            serviceParam,
            {
              name: "from",
              in: "query",
              required: false,
              description: "First local date (default: today).",
              schema: { type: "string", format: "date" },
              example: "2030-03-04",
            },
            {
              name: "to",
              in: "query",
              required: false,
              description: "Last local date (default: 13 days after `from`).",
              schema: { type: "string", format: "date" },
              example: "2030-03-17",
            },
            {
              name: "persons",
              in: "query",
              required: false,
              description: "Persons the appointment covers (default 1, at most the service's maxPersons).",
              schema: { type: "integer", minimum: 1, default: 1 },
            },
            {
              name: "next",
              in: "query",
              required: false,
              description: "With 1 or true, the answer includes `nextFree`.",
              schema: { type: "string", enum: ["0", "1", "true", "false"] },
            },
            ...language,
          ],
          responses: {
            "200": json(ref("SlotList"), "The free slots."),
            ...queryErrors,
            ...notFound,
            "429": response("TooManyRequests"),
            ...common,
          },
        },
      },
      "/api/v1/bookings": {
        post: {
          operationId: "createBooking",
          tags: ["bookings"],
          summary: "Book an appointment",
          description:
            `Validated like the booking wizard. The body must be application/json and at most ${MAX_BODY_BYTES} bytes. ` +
            "A confirmation e-mail with the manage link is sent to `email`; offices that verify e-mail addresses instead " +
            "hold the appointment (status HELD) and send a link to confirm it, and the other fields of this answer are " +
            "left out until then. Every booking needs a freshly solved " +
            "proof-of-work challenge (ALTCHA, from `GET /api/antibot/challenge`) in the `X-Altcha` header or the " +
            "`altcha` field; bookings are rate-limited per client and per e-mail address.",
          parameters: [
            ...language,
            {
              name: "X-Altcha",
              in: "header",
              required: false,
              description: "The solved challenge, unless sent as the `altcha` body field.",
              schema: { type: "string" },
            },
          ],
          requestBody: { required: true, content: { "application/json": { schema: ref("BookingRequest") } } },
          responses: {
            "201": {
              ...json(ref("BookingCreated"), "Booked."),
              headers: {
                Location: { description: "The booking's resource (not for a held booking).", schema: { type: "string" } },
              },
            },
            ...queryErrors,
            ...notFound,
            "403": response("Forbidden"),
            "409": response("Conflict"),
            "413": response("PayloadTooLarge"),
            "415": response("UnsupportedMediaType"),
            "422": response("UnprocessableEntity"),
            "429": response("TooManyRequests"),
            ...common,
          },
        },
      },
      "/api/v1/bookings/{token}": {
        get: {
          operationId: "getBooking",
          tags: ["bookings"],
          summary: "View a booking",
          parameters: [tokenParam, ...language],
          responses: { "200": json(ref("Booking"), "The booking."), ...notFound, ...common },
        },
        delete: {
          operationId: "cancelBooking",
          tags: ["bookings"],
          summary: "Cancel a booking",
          description: "Cancels a confirmed future appointment and sends the cancellation e-mail.",
          parameters: [tokenParam, ...language],
          responses: {
            "200": json(ref("Booking"), "Cancelled; the booking with status CANCELLED."),
            ...notFound,
            "409": response("Conflict"),
            ...common,
          },
        },
      },
      "/api/v1/bookings/{token}/calendar.ics": {
        get: {
          operationId: "getBookingCalendar",
          tags: ["bookings"],
          summary: "The appointment as an iCalendar file",
          parameters: [tokenParam, ...language],
          responses: {
            "200": {
              description: "An attachment named termin.ics.",
              content: { "text/calendar": { schema: { type: "string" } } },
            },
            ...notFound,
            ...common,
          },
        },
      },
      "/api/v1/openapi.json": {
        get: {
          operationId: "getOpenApiDocument",
          tags: ["operations"],
          summary: "This document",
          responses: { "200": { description: "OpenAPI 3.1 document.", content: { "application/json": {} } } },
        },
      },
      "/api/qr/{office}": {
        get: {
          operationId: "getOfficeQrCode",
          tags: ["links"],
          summary: "QR code of an office's booking page",
          parameters: [officeParam, qrFormat, ...language],
          responses: {
            "200": {
              description: "An attachment named qr-<office>.png or .svg.",
              content: { "image/png": {}, "image/svg+xml": {} },
            },
            ...queryErrors,
            ...notFound,
            ...common,
          },
        },
      },
      "/api/qr/{office}/{service}": {
        get: {
          operationId: "getServiceQrCode",
          tags: ["links"],
          summary: "QR code of a service's booking page",
          parameters: [officeParam, serviceParam, qrFormat, ...language],
          responses: {
            "200": {
              description: "An attachment named qr-<office>-<service>.png or .svg.",
              content: { "image/png": {}, "image/svg+xml": {} },
            },
            ...queryErrors,
            ...notFound,
            ...common,
          },
        },
      },
      "/api/antibot/challenge": {
        get: {
          operationId: "getAntibotChallenge",
          tags: ["bookings"],
          summary: "A fresh proof-of-work challenge for one booking",
          description:
            "An ALTCHA challenge (PBKDF2/SHA-256), signed and valid for 30 minutes; harder for clients that booked " +
            "repeatedly. Solve it with the ALTCHA widget or altcha-lib and send the payload with the booking. Never cached.",
          responses: {
            "200": json(ref("AntibotChallenge"), "The challenge."),
            ...common,
          },
        },
      },
      "/api/health": {
        get: {
          operationId: "getHealth",
          tags: ["operations"],
          summary: "Liveness and database reachability",
          responses: {
            "200": json(ref("Health"), "The app and its database answer."),
            "503": json(ref("Health"), "The database does not answer."),
          },
        },
      },
    },
    components: { schemas, responses: errorResponses() },
  };
}
