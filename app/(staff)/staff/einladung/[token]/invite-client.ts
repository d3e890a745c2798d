import "server-only";
import { headers } from "next/headers";
import { clientAddressOf, hashClientAddress } from "@/lib/server/security/rate-limit";
import type { InviteClient } from "@/lib/server/services/staff-users";

/** The client as the invitation throttle knows it: a keyed, daily rotating hash of the address. */
export async function inviteClient(now: Date): Promise<InviteClient> {
  return { clientKey: hashClientAddress(clientAddressOf(await headers()), now) };
}
