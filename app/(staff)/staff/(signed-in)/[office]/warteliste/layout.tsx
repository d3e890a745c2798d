import { ClientTexts } from "@/components/staff/client-texts";

// The removal form is a client component: it gets the texts it shows (and nothing else).
export default function WaitlistLayout({ children }: { children: React.ReactNode }) {
  return <ClientTexts namespaces={["staffWaitlist", "validation"]}>{children}</ClientTexts>;
}
