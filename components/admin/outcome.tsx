import { getTranslations } from "next-intl/server";
import { errorText } from "@/components/staff/agenda/texts";
import { Alert } from "@/components/ui/alert";

/** The answer of an action that redirected here (?erfolg=… or ?fehler=…); unknown values show nothing. */
export async function Outcome({ query }: { query: Record<string, string | string[] | undefined> }) {
  const t = await getTranslations("admin");
  const te = await getTranslations("errors");
  const success = typeof query.erfolg === "string" && /^[a-z-]{1,40}$/.test(query.erfolg) ? query.erfolg : null;
  if (success && t.has(`office.saved.${success}`)) return <Alert kind="success">{t(`office.saved.${success}`)}</Alert>;
  if (typeof query.fehler === "string") return <Alert kind="error">{errorText(t, te, query.fehler)}</Alert>;
  return null;
}
