import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";

/** Hands the client components below the texts of `namespaces` (and nothing else of the staff area's messages). */
export async function ClientTexts({ namespaces, children }: { namespaces: readonly string[]; children: React.ReactNode }) {
  const messages = await getMessages();
  return <NextIntlClientProvider messages={Object.fromEntries(namespaces.map((n) => [n, messages[n]]))}>{children}</NextIntlClientProvider>;
}
