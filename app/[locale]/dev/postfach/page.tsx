import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { renderMail, type RenderedMail } from "@/lib/server/mail/render";

// Development inbox: without SMTP_URL, e-mails stay in the outbox and are shown here. Never in production.
export const dynamic = "force-dynamic";
export const metadata = { robots: { index: false } };

export default async function DevInboxPage() {
  if (env().NODE_ENV === "production" || env().SMTP_URL) notFound();
  const t = await getTranslations("common.devInbox");
  const messages = await getDb().outboxMessage.findMany({ orderBy: { createdAt: "desc" }, take: 30 });
  const rendered = await Promise.all(
    messages.map(async (m) => {
      try {
        return { m, mail: await renderMail(m.template as never, JSON.parse(m.payload)) };
      } catch {
        return { m, mail: null };
      }
    }),
  );
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p>{t("intro")}</p>
      {rendered.length === 0 && <p>{t("empty")}</p>}
      {rendered.map(({ m, mail }) => (
        <article key={m.id} className="rounded border border-line bg-white p-4">
          <h2 className="text-lg font-bold">{m.subject}</h2>
          <p className="text-sm text-muted">
            {t("to")} {m.recipient} · {m.createdAt.toISOString()} · {m.status}
          </p>
          {mail && (
            <details className="mt-2" open={rendered[0].m.id === m.id}>
              <summary className="cursor-pointer text-brand underline">{t("show")}</summary>
              <iframe
                title={m.subject}
                srcDoc={withInlineImages(mail)}
                sandbox=""
                className="mt-2 h-[36rem] w-full border border-line bg-white"
              />
              <pre className="mt-2 overflow-x-auto whitespace-pre-wrap text-sm">{mail.text}</pre>
              {mail.attachments.map((a) => (
                <p key={a.filename} className="text-sm">
                  {t("attachment", { name: a.filename })}
                </p>
              ))}
            </details>
          )}
        </article>
      ))}
    </div>
  );
}

/** The HTML with its inline images (the check-in QR code) as data: URLs, since a frame cannot resolve `cid:`. */
function withInlineImages(mail: RenderedMail): string {
  return (mail.inlineImages ?? []).reduce(
    (html, image) => html.replaceAll(`cid:${image.cid}`, `data:${image.contentType};base64,${image.content.toString("base64")}`),
    mail.html,
  );
}
