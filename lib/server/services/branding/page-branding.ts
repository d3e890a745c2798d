import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/server/db";
import { readBranding } from "./read-branding";

/** The branding for the page being rendered: read once per request, shared by its layout, metadata and page. */
export const pageBranding = cache(() => readBranding(getDb()));
