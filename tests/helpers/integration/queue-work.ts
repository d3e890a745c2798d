import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { callNext } from "@/lib/server/services/queue/call-next";
import { finishTicket } from "@/lib/server/services/queue/finish-ticket";

/** A clerk at one counter: Aufrufen, Erledigt, again, until nobody is left for the counter. Returns the ids called. */
export async function workCounter(db: Db, actor: Actor, counterId: string, now: Date): Promise<string[]> {
  const called: string[] = [];
  for (;;) {
    const ticket = await callNext(db, actor, { counterId }, now);
    if (!ticket) return called;
    called.push(ticket.id);
    await finishTicket(db, actor, { counterId, ticketId: ticket.id, outcome: "SERVED" }, now);
  }
}
