import type { Period } from "@/lib/domain/statistics";

// The evaluation dashboard's choices as its GET form and the export links send them; the query parser reads them back.

/** The value of `stelle` that chooses all offices together (administrators only). */
export const ALL_OFFICES = "alle";

/** What the chosen period is compared with: nothing, the period just before, or a period of the user's own. */
export type ComparisonChoice = { kind: "none" } | { kind: "previous" } | { kind: "custom"; period: Period };
