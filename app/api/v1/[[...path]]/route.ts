import { unknownPath } from "@/lib/server/api/handler";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Paths under /api/v1 that no route serves (the others take precedence over this catch-all). */
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = unknownPath();
