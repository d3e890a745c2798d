import "server-only";
import { z } from "zod";
import { createDocument, type ZodOpenApiResponseObject, type ZodOpenApiResponsesObject } from "zod-openapi";
import { SERVICE_LIMITS } from "@/lib/schemas/office";
import { DEFAULT_API_LIMIT } from "@/lib/server/security/api-rate-limit";
import { MAX_SLOT_RANGE_DAYS } from "@/lib/server/services/list-slots";
import { MAX_BODY_BYTES } from "./body";
import { bookingRequestSchema } from "./booking-request";
import { wishPreferencesRequestSchema, wishRequestSchema } from "./wish-request";
import { ApiError, ERROR_CODES, ERROR_STATUS, errorBody } from "./errors";
import {
  antibotChallengeSchema,
  brandingLogoQuerySchema,
  calendarFeedPathSchema,
  anyLocationSlotListSchema,
  anyLocationSlotQuerySchema,
  catalogueServicePathSchema,
  bookingCreatedSchema,
  bookingSchema,
  EXAMPLE_OFFICE,
  EXAMPLE_SERVICE,
  errorSchema,
  healthSchema,
  offerAcceptedSchema,
  roundPathSchema,
  roundSchema,
  serviceRoundsSchema,
  languageHeaderSchema,
  languageQuerySchema,
  officeListSchema,
  officePathSchema,
  qrQuerySchema,
  receiptCheckQuerySchema,
  receiptCheckSchema,
  serviceListSchema,
  servicePathSchema,
  slotListSchema,
  slotQuerySchema,
  tokenPathSchema,
  wishCreatedSchema,
  wishSchema,
  wishTokenPathSchema,
  displayStateSchema,
} from "./schemas";

// The OpenAPI 3.1 description of the public API, generated from the zod schemas that the routes parse requests with
// and build responses by. A unit test checks that every route handler under app/api appears here with its methods,
// and nothing else does; the API's integration tests validate every answer they receive against this document.

/**
 * The body as the loosest office allows it: no service takes more persons than this. The date of birth's check
 * against today is a refinement, which the document gives in words, so any date serves here.
 */
const documentedBookingRequest = bookingRequestSchema({ maxPersons: SERVICE_LIMITS.maxPersons[1], today: "2000-01-01" }).meta({
  id: "BookingRequest",
  description:
    "Validated like the booking wizard's form. Strings must not contain control characters; tabs and line breaks " +
    "only in `remark`. Optional fields may be null or left out.",
  example: {
    office: EXAMPLE_OFFICE,
    service: EXAMPLE_SERVICE,
    start: "2030-03-04T08:00:00.000Z",
    persons: 1,
    givenName: "Amira",
    familyName: "Haddad",
    email: "amira.haddad@example.org",
    phone: "+49 30 1234567",
    dateOfBirth: "1990-05-17",
    privacyConsent: true,
  },
});

/** The wish body as the loosest office allows it; the dates' bounds depend on the office's today and horizon. */
const wishLimits = { maxPersons: SERVICE_LIMITS.maxPersons[1], today: "2000-01-01", bookingHorizonDays: 0 };
const documentedWishRequest = wishRequestSchema(wishLimits).meta({
  id: "WishRequest",
  description:
    "The person as for a booking, and the preferences as the wish form takes them. Strings must not contain " +
    "control characters, tabs or line breaks. Optional fields may be null or left out.",
  example: {
    office: EXAMPLE_OFFICE,
    service: EXAMPLE_SERVICE,
    persons: 1,
    givenName: "Amira",
    familyName: "Haddad",
    email: "amira.haddad@example.org",
    dateOfBirth: "1990-05-17",
    privacyConsent: true,
    permitExpiresOn: "2030-04-15",
    preferences: { earliestDate: "2030-03-04", latestDate: "2030-04-30", weekdays: [1, 3], dayParts: ["MORNING"] },
  },
});
const documentedWishPreferences = wishPreferencesRequestSchema(wishLimits).meta({
  id: "WishPreferencesRequest",
  example: { earliestDate: "2030-03-04", latestDate: "2030-04-30", weekdays: [1, 2, 3, 4, 5], dayParts: ["MORNING", "AFTERNOON"] },
});

const retryAfter = z.object({
  "Retry-After": z.int().min(1).meta({ description: "Seconds to wait before the next request." }),
});

/** Error responses by name; each lists the codes the API answers with its status, with their real German texts. */
const ERROR_RESPONSES: Record<
  string,
  { status: number; description: string; fields?: Record<string, string[]>; headers?: ZodOpenApiResponseObject["headers"] }
> = {
  BadRequest: {
    status: 400,
    description: "Malformed request: the body is not a JSON object, or a query parameter is invalid.",
    fields: { persons: ["invalidPersons"] },
  },
  NotFound: {
    status: 404,
    description:
      "Unknown or inactive office or service, unknown release round, no booking or wish for this token (a wrong token and an erased " +
      "booking or wish look the same), no offer for the wish, or a path the API does not have.",
  },
  MethodNotAllowed: {
    status: 405,
    description: "The path does not offer this method; `Allow` lists those it does.",
    headers: z.object({ Allow: z.string().meta({ description: "The methods this path offers." }) }),
  },
  Conflict: {
    status: 409,
    description:
      "The slot cannot be booked (taken, not offered, too soon, beyond the booking horizon), the e-mail address has " +
      "too many active bookings or wishes, the booking or wish can no longer be changed, the office keeps no waiting " +
      "list, an offer was answered before or its deadline has passed, or a release round's window is not open.",
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
    headers: retryAfter,
  },
  PayloadTooLarge: { status: 413, description: `Request body larger than ${MAX_BODY_BYTES} bytes.` },
  UnsupportedMediaType: { status: 415, description: "The body is not sent as application/json." },
  UnprocessableEntity: {
    status: 422,
    description: "Validation failed; `fields` names each invalid field with the reasons.",
    fields: { email: ["invalidEmail"], privacyConsent: ["consentRequired"] },
  },
  InternalError: { status: 500, description: "Unexpected server error. Nothing about its cause is disclosed." },
  ServiceBusy: {
    status: 503,
    description:
      "The database is too busy for the request right now (many bookings of the same office day at once). Nothing was " +
      "written; try again after the seconds in `Retry-After`.",
    headers: retryAfter,
  },
};

function errorResponses(): Record<string, ZodOpenApiResponseObject> {
  return Object.fromEntries(
    Object.entries(ERROR_RESPONSES).map(([name, { status, description, fields, headers }]) => [
      name,
      {
        description,
        ...(headers ? { headers } : {}),
        content: {
          "application/json": {
            schema: errorSchema,
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

const ref = (name: keyof typeof ERROR_RESPONSES) => ({ $ref: `#/components/responses/${name}` });
const json = (schema: z.ZodType, description: string) => ({ description, content: { "application/json": { schema } } });
const notFound = { "404": ref("NotFound") };
const common = { "500": ref("InternalError"), "503": ref("ServiceBusy") };
const queryErrors = { "400": ref("BadRequest") };
const language = { query: languageQuerySchema, header: languageHeaderSchema };
/** Refusals of a change through a token: a wrong token, or a state that no longer allows the change. */
const changeErrors = { ...notFound, "409": ref("Conflict"), ...common };
/** Refusals of a change with a JSON body. */
const bodyErrors = {
  ...queryErrors,
  ...changeErrors,
  "413": ref("PayloadTooLarge"),
  "415": ref("UnsupportedMediaType"),
  "422": ref("UnprocessableEntity"),
};
/** A POST that creates something sends the language and the proof of work, and is refused by both guards too. */
const creation = {
  params: {
    query: languageQuerySchema,
    header: languageHeaderSchema.extend({
      "x-altcha": z.string().optional().meta({ description: "The solved challenge, unless sent as the `altcha` body field." }),
    }),
  },
  errors: { ...bodyErrors, "403": ref("Forbidden"), "429": ref("TooManyRequests") },
};
/** The answer to a new wish (or a round's request), whose token goes only to the e-mail address. */
const wishCreated = { "201": json(wishCreatedSchema, "Written; waiting for the confirmation by e-mail.") };

function paths() {
  const qrResponses = (name: string): ZodOpenApiResponsesObject => ({
    "200": { description: `An attachment named ${name}.png or .svg.`, content: { "image/png": {}, "image/svg+xml": {} } },
    ...queryErrors,
    ...notFound,
    ...common,
  });
  return {
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
        requestParams: language,
        responses: { "200": json(officeListSchema, "The offices."), ...common },
      },
    },
    "/api/v1/offices/{office}/services": {
      get: {
        operationId: "listServices",
        tags: ["catalogue"],
        summary: "The services an office takes online bookings for",
        requestParams: { path: officePathSchema, ...language },
        responses: { "200": json(serviceListSchema, "The services."), ...notFound, ...common },
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
        requestParams: { path: servicePathSchema, query: slotQuerySchema, header: languageHeaderSchema },
        responses: {
          "200": json(slotListSchema, "The free slots."),
          ...queryErrors,
          ...notFound,
          "429": ref("TooManyRequests"),
          ...common,
        },
      },
    },
    "/api/v1/services/{service}/slots": {
      get: {
        operationId: "listSlotsAtAnyLocation",
        tags: ["catalogue"],
        summary: "Free slots of a catalogue service at every office that offers it",
        description:
          "\"Earliest at any location\": the free slots of every active office offering the service, each by that " +
          "office's own rules (opening hours, capacity, time zone, release rounds), exactly as its own slot list; " +
          "offices whose service takes fewer persons in one appointment are left out. With `furtherServices` and `kind`, " +
          "only offices that take all those services in one appointment of that kind count, each searched with its own " +
          "services, durations and capacity for that kind. With ?next=1 also the earliest free slot across them. Book " +
          "a slot at its office with `POST /api/v1/bookings` (the office's slug, its `service` and `furtherServices` " +
          `slugs from \`offices\`, and the \`kind\`). The range is clamped to today, the latest horizon and ${MAX_SLOT_RANGE_DAYS} days. ` +
          `Each client may ask ${DEFAULT_API_LIMIT.points} times per ${DEFAULT_API_LIMIT.windowSeconds} seconds.`,
        requestParams: { path: catalogueServicePathSchema, query: anyLocationSlotQuerySchema, header: languageHeaderSchema },
        responses: {
          "200": json(anyLocationSlotListSchema, "The free slots with their offices."),
          ...queryErrors,
          ...notFound,
          "429": ref("TooManyRequests"),
          ...common,
        },
      },
    },
    "/api/v1/offices/{office}/services/{service}/rounds": {
      get: {
        operationId: "getServiceRounds",
        tags: ["rounds"],
        summary: "Release rounds of a service",
        description:
          "For a service in release-round mode, new appointments are not booked first come, first served: during an " +
          "announced window, citizens submit requests, and at the close a verifiable draw assigns the released times. " +
          "This says when the next window opens and closes, how many appointments it releases, and how many requests " +
          "the last round had.",
        requestParams: { path: servicePathSchema, ...language },
        responses: { "200": json(serviceRoundsSchema, "The service's rounds."), ...notFound, ...common },
      },
    },
    "/api/v1/rounds/{id}": {
      get: {
        operationId: "getRound",
        tags: ["rounds"],
        summary: "A release round's published seed hash, seed and draw record",
        description:
          "Before the window opens the office publishes the SHA-256 hash of a secret seed; after the draw, the seed " +
          "and the record. Anyone can recompute the assignment from them: requests are ranked by HMAC-SHA256 of the " +
          "request id under the seed (hex, smallest first), and in that order each takes the earliest released time " +
          "it accepts that still fits; at most one per request.",
        requestParams: { path: roundPathSchema, ...language },
        responses: { "200": json(roundSchema, "The round."), ...notFound, ...common },
      },
    },
    "/api/v1/rounds/{id}/requests": {
      post: {
        operationId: "requestInRound",
        tags: ["rounds"],
        summary: "Submit a request in a release round's open window",
        description:
          "The body is a wish's (see `POST /api/v1/wishes`), for the round's office and a service the round releases; " +
          "the preferences should cover days of the round's period. Accepted only while the window is open " +
          "(else ROUND_NOT_OPEN). Like a wish it is unconfirmed: the e-mail to `email` carries the link to confirm it, " +
          "and only a request confirmed before the window closes takes part in the draw, one per e-mail address and " +
          "per name with date of birth. Speed gains nothing: the draw's order is random. Those not drawn stay on the " +
          "waiting list. Needs a freshly solved proof-of-work challenge and is rate-limited like a booking.",
        requestParams: { path: roundPathSchema, ...creation.params },
        requestBody: { required: true, content: { "application/json": { schema: documentedWishRequest } } },
        responses: { ...wishCreated, ...creation.errors },
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
        requestParams: creation.params,
        requestBody: { required: true, content: { "application/json": { schema: documentedBookingRequest } } },
        responses: {
          "201": {
            ...json(bookingCreatedSchema, "Booked."),
            headers: z.object({
              Location: z.string().optional().meta({ description: "The booking's resource (not for a held booking)." }),
            }),
          },
          ...creation.errors,
        },
      },
    },
    "/api/v1/bookings/{token}": {
      get: {
        operationId: "getBooking",
        tags: ["bookings"],
        summary: "View a booking",
        requestParams: { path: tokenPathSchema, ...language },
        responses: { "200": json(bookingSchema, "The booking."), ...notFound, ...common },
      },
      delete: {
        operationId: "cancelBooking",
        tags: ["bookings"],
        summary: "Cancel a booking",
        description: "Cancels a confirmed future appointment and sends the cancellation e-mail.",
        requestParams: { path: tokenPathSchema, ...language },
        responses: { "200": json(bookingSchema, "Cancelled; the booking with status CANCELLED."), ...changeErrors },
      },
    },
    "/api/v1/bookings/{token}/offer/acceptance": {
      post: {
        operationId: "acceptBookingOffer",
        tags: ["waitlist"],
        summary: "Accept an offer by its booking's token",
        description:
          "An offer from the waiting list is a booking held for the wish (status HELD); the offer e-mail links to it " +
          "with its own manage token. Accepting books it (the same as `POST /api/v1/wishes/{token}/offer/acceptance`); " +
          "the token stays the booking's. No body.",
        requestParams: { path: tokenPathSchema, ...language },
        responses: {
          "200": { ...json(offerAcceptedSchema, "Booked."), headers: z.object({ Location: z.string().meta({ description: "The booking's resource." }) }) },
          ...changeErrors,
        },
      },
    },
    "/api/v1/bookings/{token}/offer/refusal": {
      post: {
        operationId: "declineBookingOffer",
        tags: ["waitlist"],
        summary: "Decline an offer by its booking's token",
        description: "Cancels the held booking and passes the time on at once; the wish stays on the waiting list. No body.",
        requestParams: { path: tokenPathSchema, ...language },
        responses: { "200": json(bookingSchema, "Declined; the booking with status CANCELLED."), ...changeErrors },
      },
    },
    "/api/v1/bookings/{token}/calendar.ics": {
      get: {
        operationId: "getBookingCalendar",
        tags: ["bookings"],
        summary: "The appointment as an iCalendar file",
        requestParams: { path: tokenPathSchema, ...language },
        responses: {
          "200": { description: "An attachment named termin.ics.", content: { "text/calendar": { schema: z.string() } } },
          ...notFound,
          ...common,
        },
      },
    },
    "/api/v1/wishes": {
      post: {
        operationId: "createWish",
        tags: ["waitlist"],
        summary: "Put a wish on an office's waiting list",
        description:
          "For when no free slot suits: freed times that match the wish are offered to it (held for it until a " +
          "deadline) before anyone else can book them, urgent wishes first, then by the time of confirmation. " +
          `Validated like the wish form; the body must be application/json and at most ${MAX_BODY_BYTES} bytes. ` +
          "The wish counts only once confirmed: the e-mail to `email` carries the manage link with the token. Like a " +
          "booking, it needs a freshly solved proof-of-work challenge (`X-Altcha` header or `altcha` field) and is " +
          "rate-limited per client and per e-mail address; each address may keep as many open wishes per office as bookings.",
        requestParams: creation.params,
        requestBody: { required: true, content: { "application/json": { schema: documentedWishRequest } } },
        responses: { ...wishCreated, ...creation.errors },
      },
    },
    "/api/v1/wishes/{token}": {
      get: {
        operationId: "getWish",
        tags: ["waitlist"],
        summary: "View a wish",
        description: "Reading never confirms the wish.",
        requestParams: { path: wishTokenPathSchema, ...language },
        responses: { "200": json(wishSchema, "The wish."), ...notFound, ...common },
      },
      patch: {
        operationId: "updateWish",
        tags: ["waitlist"],
        summary: "Change a wish's preferences",
        description:
          "Replaces the dates, weekdays and parts of the day, checked like the wish form. The wish keeps its place in " +
          "the order and any open offer. Only an open wish (UNCONFIRMED or ACTIVE) changes; a release round's request " +
          "not between the window's close and the draw.",
        requestParams: { path: wishTokenPathSchema, ...language },
        requestBody: { required: true, content: { "application/json": { schema: documentedWishPreferences } } },
        responses: { "200": json(wishSchema, "Changed."), ...bodyErrors },
      },
      delete: {
        operationId: "withdrawWish",
        tags: ["waitlist"],
        summary: "Withdraw a wish",
        description: "Takes an open wish off the waiting list (status WITHDRAWN); withdrawing again changes nothing.",
        requestParams: { path: wishTokenPathSchema, ...language },
        responses: { "200": json(wishSchema, "Withdrawn."), ...changeErrors },
      },
    },
    "/api/v1/wishes/{token}/confirmation": {
      post: {
        operationId: "confirmWish",
        tags: ["waitlist"],
        summary: "Confirm a wish",
        description:
          "What the button on the e-mail link's page does: UNCONFIRMED becomes ACTIVE, and the time of this first " +
          "confirmation is the wish's place in the order. Confirming again changes nothing. No body.",
        requestParams: { path: wishTokenPathSchema, ...language },
        responses: { "200": json(wishSchema, "Confirmed."), ...changeErrors },
      },
    },
    "/api/v1/wishes/{token}/offer/acceptance": {
      post: {
        operationId: "acceptWishOffer",
        tags: ["waitlist"],
        summary: "Accept the appointment offered to a wish",
        description:
          "An offer is an appointment held for the wish until its deadline (see `offer` of the wish). Accepting books " +
          "it with the usual confirmation e-mail and calendar file; the wish becomes BOOKED. Accepting again changes " +
          "nothing. After the deadline: OFFER_EXPIRED (the time went to the next wish; this one stays on the list). No body.",
        requestParams: { path: wishTokenPathSchema, ...language },
        responses: {
          "200": {
            ...json(offerAcceptedSchema, "Booked."),
            headers: z.object({
              Location: z.string().optional().meta({ description: "The booking's resource (when this answer has its token)." }),
            }),
          },
          ...changeErrors,
        },
      },
    },
    "/api/v1/wishes/{token}/offer/refusal": {
      post: {
        operationId: "declineWishOffer",
        tags: ["waitlist"],
        summary: "Decline the appointment offered to a wish",
        description:
          "Releases the held appointment to the next matching wish at once. The wish stays on the waiting list and is " +
          "never offered that time again. Afterwards the wish has no offer (404 OFFER_NOT_FOUND). No body.",
        requestParams: { path: wishTokenPathSchema, ...language },
        responses: { "200": json(wishSchema, "Declined; the wish as it stands now."), ...changeErrors },
      },
    },
    "/api/v1/receipts/verification": {
      get: {
        operationId: "verifyReceipt",
        tags: ["receipts"],
        summary: "Check whether an extension receipt is genuine",
        description:
          "Where an office enables it, a citizen whose permit expires before the next free appointment can file the " +
          "extension request at once and gets a receipt signed by the server, with a QR code linking to its check. " +
          "This answers what that check page shows. Whether a receipt has legal effect is the office's decision; its " +
          "note says what the office configured.",
        requestParams: { query: receiptCheckQuerySchema, header: languageHeaderSchema },
        responses: { "200": json(receiptCheckSchema, "The verdict."), ...queryErrors, ...common },
      },
    },
    "/api/v1/openapi.json": {
      get: {
        operationId: "getOpenApiDocument",
        tags: ["operations"],
        summary: "This document",
        responses: { "200": { description: "OpenAPI 3.1 document.", content: { "application/json": {} } }, ...common },
      },
    },
    "/api/qr/{office}": {
      get: {
        operationId: "getOfficeQrCode",
        tags: ["links"],
        summary: "QR code of an office's booking page",
        requestParams: { path: officePathSchema, query: qrQuerySchema, header: languageHeaderSchema },
        responses: qrResponses("qr-<office>"),
      },
    },
    "/api/qr/{office}/{service}": {
      get: {
        operationId: "getServiceQrCode",
        tags: ["links"],
        summary: "QR code of a service's booking page",
        requestParams: { path: servicePathSchema, query: qrQuerySchema, header: languageHeaderSchema },
        responses: qrResponses("qr-<office>-<service>"),
      },
    },
    "/api/branding/logo": {
      get: {
        operationId: "getBrandingLogo",
        tags: ["links"],
        summary: "The city's logo, as uploaded by its administrators",
        description:
          "SVG or PNG as stored; `?format=png` converts an SVG to PNG (for e-mails). Sanitised at upload and served " +
          "with a policy that runs no script. Cached by version (ETag). 404 while no logo is set.",
        requestParams: { query: brandingLogoQuerySchema },
        responses: {
          "200": { description: "The logo.", content: { "image/svg+xml": {}, "image/png": {} } },
          "304": { description: "Not modified since the ETag sent." },
          "404": { description: "No logo is set.", content: { "text/plain": {} } },
        },
      },
    },
    "/api/feeds/{file}": {
      get: {
        operationId: "getCalendarFeed",
        tags: ["live"],
        summary: "A staff member's private calendar subscription of an office's appointments",
        description:
          "The address is the secret (`<token>.ics`, created and revoked on the office's staff page). Appointments from " +
          "7 days back to the booking horizon, with the reference code and the service; names only where the office " +
          "enables them. A malformed, unknown and revoked address all answer the same 404. Never cached.",
        requestParams: { path: calendarFeedPathSchema },
        responses: {
          "200": { description: "An iCalendar file.", content: { "text/calendar": {} } },
          "404": { description: "No such feed.", content: { "text/plain": {} } },
          "429": { description: "Polled too often; see Retry-After.", content: { "text/plain": {} } },
          "503": { description: "The database does not answer; see Retry-After.", content: { "text/plain": {} } },
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
        responses: { "200": json(antibotChallengeSchema, "The challenge."), ...common },
      },
    },
    "/api/live/{office}/events": {
      get: {
        operationId: "streamOfficeCalls",
        tags: ["live"],
        summary: "The office's calls as Server-Sent Events",
        description:
          "For a call-up display paired to the office (its device cookie) and for the office's signed-in staff. Sends " +
          "the current state as a `state` event at once and again after every change of the office's queue on any " +
          "instance; a comment line every 15 seconds keeps the stream open; a display revoked meanwhile gets a " +
          "`revoked` event and the stream ends.",
        requestParams: { path: officePathSchema },
        responses: {
          "200": { description: "An event stream; each `state` event's data is a DisplayState.", content: { "text/event-stream": {} } },
          "403": ref("Forbidden"),
        },
      },
    },
    "/api/live/{office}/state": {
      get: {
        operationId: "getOfficeCalls",
        tags: ["live"],
        summary: "The office's calls, for displays whose event stream fails",
        description: "The same state and the same access as the event stream. Never cached.",
        requestParams: { path: officePathSchema },
        responses: { "200": json(displayStateSchema, "The last calls of the day."), "403": ref("Forbidden") },
      },
    },
    "/api/health": {
      get: {
        operationId: "getHealth",
        tags: ["operations"],
        summary: "Liveness and database reachability",
        responses: {
          "200": json(healthSchema, "The app and its database answer."),
          "503": json(healthSchema, "The database does not answer."),
        },
      },
    },
  };
}

/** The API description; server URLs use APP_URL. */
export function openApiDocument(appUrl: string) {
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Terminvergabe API",
      version: "1.0.0",
      description:
        "Appointments at public offices: offices and services, free slots, booking and managing a booking with its " +
        "manage token, and wishes on an office's waiting list. All times are UTC instants; local dates are the office's calendar dates. Errors always have " +
        "the shape of the Error schema; a path the API does not have answers 404 NOT_FOUND, and a method a path does " +
        "not offer answers 405 METHOD_NOT_ALLOWED. Texts (errors, service names, descriptions, documents) are in the " +
        "language of the `lang` query parameter, else of Accept-Language, else German; service texts an office has " +
        "not translated are German.",
      license: { name: "EUPL-1.2", identifier: "EUPL-1.2" },
    },
    servers: [{ url: appUrl }],
    tags: [
      { name: "catalogue", description: "Offices, services and free slots." },
      { name: "bookings", description: "Booking, viewing and cancelling appointments." },
      { name: "waitlist", description: "Wishes on an office's waiting list and the appointments offered to them." },
      { name: "rounds", description: "Release rounds: announced windows for requests, and their verifiable draws." },
      { name: "receipts", description: "Checking receipts of extension requests." },
      { name: "links", description: "QR codes of booking pages." },
      { name: "live", description: "The calls of an office's day, for its call-up displays (device cookie) and its staff." },
      { name: "operations", description: "Monitoring." },
    ],
    paths: paths(),
    components: { responses: errorResponses() },
  });
}
