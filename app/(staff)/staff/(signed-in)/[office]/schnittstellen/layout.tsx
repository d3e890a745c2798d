import { ClientTexts } from "@/components/staff/client-texts";

// The endpoint forms are client components (a secret is shown once in their state): they get the texts they show.
export default function WebhooksLayout({ children }: { children: React.ReactNode }) {
  return <ClientTexts namespaces={["webhooks", "validation", "errors"]}>{children}</ClientTexts>;
}
