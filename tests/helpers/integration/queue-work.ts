import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { callNext } from "@/lib/server/services/queue/call-next";
import { finishTicket } from "@/lib/server/services/queue/finish-ticket";

/**
 * A clerk at one counter: Aufrufen, Erledigt, again, until nobody is left for the counter. Returns the ids called.
 * `serveMs`: how long each ticket is served between the two, which leaves the database free for a moment.
 */
export async function workCounter(db: Db, actor: Actor, counterId: string, now: Date, serveMs = 0): Promise<string[]> {
  const called: string[] = [];
  for (;;) {
    const ticket = await callNext(db, actor, { counterId }, now);
    if (!ticket) return called;
    called.push(ticket.id);
    if (serveMs > 0) await new Promise((resolve) => setTimeout(resolve, serveMs));
    await finishTicket(db, actor, { counterId, ticketId: ticket.id, outcome: "SERVED" }, now);
  }
}
