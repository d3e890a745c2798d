import { ClientTexts } from "@/components/staff/client-texts";

// The form that shows a new calendar link once is a client component: it gets the texts it shows.
export default function CalendarFeedsLayout({ children }: { children: React.ReactNode }) {
  return <ClientTexts namespaces={["feeds", "validation", "errors"]}>{children}</ClientTexts>;
}
