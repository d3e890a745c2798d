import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";

// The round form is a client component: it gets the texts it shows (and nothing else).
export default async function RoundsLayout({ children }: { children: React.ReactNode }) {
  const messages = await getMessages();
  return (
    <NextIntlClientProvider
      messages={{ roundsStaff: messages.roundsStaff, agenda: messages.agenda, validation: messages.validation, errors: messages.errors }}
    >
      {children}
    </NextIntlClientProvider>
  );
}
