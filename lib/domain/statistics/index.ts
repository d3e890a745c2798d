// Anonymous statistics for the evaluation: pure functions from bookings and schedules to daily rows, and from daily
// rows to the figures of a period. No framework or database types; `today` and `now` come in as arguments.

export * from "./aggregate";
export * from "./histogram";
export * from "./period";
export * from "./queue";
export * from "./summary";
export * from "./waitlist";
