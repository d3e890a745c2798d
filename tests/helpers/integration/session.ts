import type { Actor } from "@/lib/server/auth/permissions";
import { currentStaff } from "@/lib/server/auth/session";

// For test files that replace the session module, so that a server action sees the staff member a test chooses:
//
//   jest.mock("@/lib/server/auth/session", () => ({ currentStaff: jest.fn() }));

/** The staff member the actions see as signed in from now on; `null` is a visitor without a session. */
export function signIn(actor: (Actor & { email?: string; name?: string }) | null): void {
  jest.mocked(currentStaff).mockResolvedValue(actor && { email: "x@amt.example", name: "X", ...actor });
}
