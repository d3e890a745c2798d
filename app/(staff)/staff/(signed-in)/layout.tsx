import { redirect } from "next/navigation";
import { StaffHeader } from "@/components/staff/staff-header";
import { currentStaff } from "@/lib/server/auth/session";

export const dynamic = "force-dynamic";

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const staff = await currentStaff();
  // The proxy lets a request with a session cookie through; here the session turned out to be over (expired,
  // password changed, account deactivated), so the login page says why.
  if (!staff) redirect("/staff/login?error=SessionExpired");
  return (
    <>
      <StaffHeader staff={staff} />
      <main id="inhalt" tabIndex={-1} className="mx-auto w-full max-w-6xl px-4 py-6 outline-none">
        {children}
      </main>
    </>
  );
}
