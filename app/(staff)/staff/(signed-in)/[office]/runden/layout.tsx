import { ClientTexts } from "@/components/staff/client-texts";

// The round form is a client component: it gets the texts it shows (and nothing else).
export default function RoundsLayout({ children }: { children: React.ReactNode }) {
  return <ClientTexts namespaces={["roundsStaff", "agenda", "validation", "errors"]}>{children}</ClientTexts>;
}
