import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";

// The removal form is a client component: it gets the texts it shows (and nothing else).
export default async function WaitlistLayout({ children }: { children: React.ReactNode }) {
  const messages = await getMessages();
  return (
    <NextIntlClientProvider messages={{ staffWaitlist: messages.staffWaitlist, validation: messages.validation }}>
      {children}
    </NextIntlClientProvider>
  );
}
