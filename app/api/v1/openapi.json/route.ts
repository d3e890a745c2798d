import { jsonResponse } from "@/lib/server/api/errors";
import { apiRoute, otherMethods } from "@/lib/server/api/handler";
import { openApiDocument } from "@/lib/server/api/openapi";
import { env } from "@/lib/server/env";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The API's OpenAPI 3.1 description. */
export const GET = apiRoute("openapi", async () =>
  jsonResponse(openApiDocument(env().APP_URL), { cacheControl: "public, max-age=3600" }),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
