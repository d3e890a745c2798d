import { localDateOf } from "@/lib/domain";
import { ApiError, jsonResponse } from "@/lib/server/api/errors";
import { apiRoute, otherMethods } from "@/lib/server/api/handler";
import { officeSlugParam, parseQuery, serviceSlugParam } from "@/lib/server/api/params";
import { slotList } from "@/lib/server/api/resources";
import { apiDb, apiNow } from "@/lib/server/api/runtime";
import { defaultRangeEnd, slotQuerySchema } from "@/lib/server/api/schemas";
import { consumeApiRequest } from "@/lib/server/security/api-rate-limit";
import { appointmentShapeOf, bookableRange, freeSlotsWithin, nextFreeSlotOf } from "@/lib/server/services/list-slots";
import { cachedOfficeAndService } from "@/lib/server/services/office-catalog";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Free slots of a service (the same listing the wizard shows) and, on request, the next free one. */
export const GET = apiRoute<{ office: string; service: string }>("slots.list", async (request, { params }) => {
  const db = apiDb();
  // Counted first, so that malformed requests cost a client its allowance too.
  const limit = await consumeApiRequest(db, request.headers);
  if (!limit.ok) throw new ApiError("TOO_MANY_REQUESTS", undefined, limit.retryAfterSeconds);
  const officeSlug = officeSlugParam(params.office);
  const serviceSlug = serviceSlugParam(params.service);
  const query = parseQuery(request, slotQuerySchema);
  const now = apiNow();
  const target = await cachedOfficeAndService(db, officeSlug, serviceSlug);
  const { office, service } = target;

  const shape = appointmentShapeOf(target, { further: query.furtherServices, kind: query.kind });
  const maxPersons = Math.min(service.maxPersons, ...shape.furtherServices.map((s) => s.maxPersons));
  const persons = query.persons ?? 1;
  if (persons < 1) throw new ApiError("MALFORMED_REQUEST", { persons: ["invalidPersons"] });
  if (persons > maxPersons) throw new ApiError("MALFORMED_REQUEST", { persons: ["tooManyPersons"] });
  const from = query.from ?? localDateOf(now, office.timeZone);
  const to = query.to ?? defaultRangeEnd(from);
  if (to < from) throw new ApiError("MALFORMED_REQUEST", { to: ["invalidDate"] });

  const wantsNext = query.next === "1" || query.next === "true";
  // The search's first read covers the default two weeks, so the list usually needs no read of its own.
  const found = wantsNext ? await nextFreeSlotOf(db, target, { persons, now, from, access: "public", shape }) : null;
  const slots = await freeSlotsWithin(db, target, { persons, now, from, to, access: "public", shape }, found?.first ?? null);
  // The list is clamped to today, the booking horizon and MAX_SLOT_RANGE_DAYS; the answer says which.
  const listed = bookableRange(office, now, from, to);
  return jsonResponse(slotList(target, { persons, shape, ...listed, slots, nextFree: wantsNext ? (found?.slot ?? null) : undefined }));
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
