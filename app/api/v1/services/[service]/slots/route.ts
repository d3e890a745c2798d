import { ApiError, jsonResponse } from "@/lib/server/api/errors";
import { apiRoute, otherMethods } from "@/lib/server/api/handler";
import { parseQuery, serviceSlugParam } from "@/lib/server/api/params";
import { anyLocationSlotList } from "@/lib/server/api/resources";
import { apiDb, apiNow } from "@/lib/server/api/runtime";
import { anyLocationSlotQuerySchema, defaultRangeEnd } from "@/lib/server/api/schemas";
import { consumeApiRequest } from "@/lib/server/security/api-rate-limit";
import { isFieldError } from "@/lib/server/errors";
import {
  combinationOffers,
  combinedBookableDates,
  freeSlotsAtAnyLocation,
  loadCatalogueOffers,
  nextFreeAtAnyLocation,
  offersFor,
} from "@/lib/server/services/any-location";
import { clampedRange } from "@/lib/server/services/list-slots";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * Free slots of a catalogue service at every office offering it ("earliest at any location"), as the wizard shows:
 * for a combination and kind, only the offices taking it, each searched with its own services and capacity.
 */
export const GET = apiRoute<{ service: string }>("services.slots", async (request, { params }) => {
  const db = apiDb();
  // Counted first, so that malformed requests cost a client its allowance too.
  const limit = await consumeApiRequest(db, request.headers);
  if (!limit.ok) throw new ApiError("TOO_MANY_REQUESTS", undefined, limit.retryAfterSeconds);
  const catalogueSlug = serviceSlugParam(params.service);
  const query = parseQuery(request, anyLocationSlotQuerySchema);
  const now = apiNow();
  const found = await loadCatalogueOffers(db, catalogueSlug);
  // The same check as the calendar page's: entries no office offers, or a combination or kind none takes, are a
  // malformed query like too many persons (400, in the caller's language).
  const combination = refusedAsQuery(() => combinationOffers(found, { further: query.furtherServices, kind: query.kind }));
  if (combination.problem === "combinationNotOffered") throw new ApiError("MALFORMED_REQUEST", { furtherServices: ["combinationNotOffered"] });
  if (combination.problem === "kindNotOffered" || !combination.kind) throw new ApiError("MALFORMED_REQUEST", { kind: ["kindNotOffered"] });
  const kind = combination.kind;

  const persons = query.persons ?? 1;
  if (persons < 1) throw new ApiError("MALFORMED_REQUEST", { persons: ["invalidPersons"] });
  // Offices that take fewer persons in one appointment are left out; persons no office takes are refused.
  const offers = offersFor(combination.offers, persons);
  if (offers.length === 0) throw new ApiError("MALFORMED_REQUEST", { persons: ["tooManyPersons"] });
  const window = combinedBookableDates(offers, now);
  const from = query.from ?? window.today;
  const to = query.to ?? defaultRangeEnd(from);
  if (to < from) throw new ApiError("MALFORMED_REQUEST", { to: ["invalidDate"] });

  const wantsNext = query.next === "1" || query.next === "true";
  const q = { persons, now, access: "public" as const };
  // The search's first reads cover the default two weeks, so the list usually needs no reads of its own.
  const next = wantsNext ? await nextFreeAtAnyLocation(db, offers, { ...q, from }) : null;
  const slots = await freeSlotsAtAnyLocation(db, offers, { ...q, from, to }, next?.reads);
  const listed = clampedRange(window, from, to);
  return jsonResponse(
    anyLocationSlotList(catalogueSlug, offers, {
      persons,
      furtherServices: combination.further,
      kind,
      ...listed,
      slots,
      nextFree: wantsNext ? (next?.next ?? null) : undefined,
    }),
  );
});

function refusedAsQuery<T>(check: () => T): T {
  try {
    return check();
  } catch (e) {
    if (isFieldError(e)) throw new ApiError("MALFORMED_REQUEST", { [e.field]: [e.reason] });
    throw e;
  }
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
