import { redirect } from "next/navigation";
import { StaffHeader } from "@/components/staff/staff-header";
import { currentStaff } from "@/lib/server/auth/session";

export const dynamic = "force-dynamic";

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const staff = await currentStaff();
  if (!staff) redirect("/staff/login");
  return (
    <>
      <StaffHeader staff={staff} />
      <main id="inhalt" tabIndex={-1} className="mx-auto w-full max-w-6xl px-4 py-6 outline-none">
        {children}
      </main>
    </>
  );
}
