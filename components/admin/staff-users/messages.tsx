import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";

/** The texts the staff-account forms need in the browser (the staff layout passes other namespaces). */
export async function StaffUsersMessages({ children }: { children: React.ReactNode }) {
  const messages = await getMessages();
  return (
    <NextIntlClientProvider
      messages={{ staffUsers: messages.staffUsers, validation: messages.validation, errors: messages.errors }}
    >
      {children}
    </NextIntlClientProvider>
  );
}
