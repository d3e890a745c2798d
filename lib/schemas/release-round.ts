import "./zod-config";
import { z } from "zod";
import { isValidLocalDate } from "@/lib/domain/time";

// The staff form that announces a release round. Messages are keys of "roundsStaff.validation". Window times are
// office-local wall-clock times ("YYYY-MM-DDTHH:MM", as an <input type="datetime-local"> sends them).

/** Longest period one round may release. */
export const MAX_ROUND_PERIOD_DAYS = 31;

const localDateTime = z
  .string({ error: "required" })
  .trim()
  .min(1, "required")
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "invalidDateTime")
  .refine((v) => isValidLocalDate(v.slice(0, 10)) && Number(v.slice(11, 13)) < 24 && Number(v.slice(14)) < 60, "invalidDateTime");

const localDate = z
  .string({ error: "required" })
  .trim()
  .min(1, "required")
  .refine((v) => isValidLocalDate(v), "invalidDate");

export const createRoundSchema = z
  .object({
    /** Empty: every service of the office in release-round mode. */
    serviceId: z.string().trim().max(60).default(""),
    opensAt: localDateTime,
    closesAt: localDateTime,
    periodFrom: localDate,
    periodTo: localDate,
  })
  .superRefine((v, ctx) => {
    if (v.closesAt <= v.opensAt) ctx.addIssue({ code: "custom", path: ["closesAt"], message: "closeBeforeOpen" });
    if (v.periodFrom <= v.closesAt.slice(0, 10)) {
      ctx.addIssue({ code: "custom", path: ["periodFrom"], message: "periodBeforeClose" });
    }
    if (v.periodTo < v.periodFrom) ctx.addIssue({ code: "custom", path: ["periodTo"], message: "periodEndBeforeStart" });
  });

export type CreateRoundInput = z.input<typeof createRoundSchema>;

export const roundIdSchema = z.string().trim().regex(/^[a-z0-9]{10,40}$/);

// What staff and the public see of rounds (lib/server/services/rounds/round-info.ts loads it; the pages, the API and
// the components read it).

/** Where a round stands: its window ahead, open, closed but not drawn yet, or drawn. */
export type RoundPhase = "announced" | "open" | "closed" | "drawn";

/** The next window of a service's release rounds: when it opens and closes, the period and how many places it releases. */
export interface RoundWindow {
  id: string;
  opensAt: Date;
  closesAt: Date;
  /** Office-local dates. */
  periodFrom: string;
  periodTo: string;
  open: boolean;
  places: number;
}

/** For a service in release-round mode: the next window (the open one, else the next announced), the last round's requests. */
export interface ServiceRoundInfo {
  next: RoundWindow | null;
  lastRequestCount: number | null;
}
