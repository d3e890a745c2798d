import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";

// The administration forms are client components: they get the texts they show (and nothing else).
export default async function OfficeAdministrationLayout({ children }: { children: React.ReactNode }) {
  const messages = await getMessages();
  return (
    <NextIntlClientProvider
      messages={{ admin: messages.admin, validation: messages.validation, errors: messages.errors }}
    >
      {children}
    </NextIntlClientProvider>
  );
}
