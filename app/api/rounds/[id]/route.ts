import { getDb } from "@/lib/server/db";
import { getDrawRecord } from "@/lib/server/services/rounds/round-info";

// The published record of a drawn release round, as a JSON download: `npm run verify-draw -- <this URL>` recomputes
// it. Before the draw (or for an unknown round) 404: the seed is secret until then.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const record = await getDrawRecord(getDb(), id);
  if (!record) return Response.json({ error: "NOT_FOUND" }, { status: 404 });
  return new Response(record, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="ziehung-${id}.json"`,
      "Cache-Control": "public, max-age=300",
    },
  });
}
