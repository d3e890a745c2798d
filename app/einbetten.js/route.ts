import { loadMessages } from "@/lib/i18n/messages";
import { defaultLocale, locales } from "@/lib/i18n/routing";
import { embedScript } from "@/lib/server/embed/embed-script";
import { env } from "@/lib/server/env";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The embedding script for the city's website, with this installation's address and the frame's titles. */
export async function GET(): Promise<Response> {
  const titles = Object.fromEntries(
    await Promise.all(
      locales.map(async (locale) => [locale, ((await loadMessages(locale)) as { common: { embed: { frameTitle: string } } }).common.embed.frameTitle] as const),
    ),
  );
  const script = embedScript({ origin: new URL(env().APP_URL).origin, defaultLocale, titles });
  return new Response(script, {
    headers: {
      "Content-Type": "text/javascript; charset=utf-8",
      // Other sites load it; an hour keeps a changed installation address from sticking for long.
      "Cache-Control": "public, max-age=3600",
      "Cross-Origin-Resource-Policy": "cross-origin",
    },
  });
}
