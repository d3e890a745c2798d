// What the call-up display receives from the server (its first render, the event stream and the polling endpoint).

/** One call as a public screen shows it: number and counter, never a name or a service. */
export interface DisplayCall {
  /** Changes with every call of the ticket (a repeated call is a new event, shown and announced again). */
  key: string;
  label: string;
  /** "T 17", as read out. */
  spoken: string;
  counter: string;
  calledAt: string;
  callCount: number;
  /** The ticket's language, for the announcement after the German one. */
  locale: string;
}

export interface DisplayState {
  /** The queue day's version. */
  version: number;
  date: string;
  /** Newest first. */
  calls: DisplayCall[];
}

/**
 * Whether `next` may replace `shown` on the screen: not when it is an older state of the same day. The stream and
 * the polling endpoint answer on separate connections, so while a display reconnects a poll sent before a call can
 * arrive after the stream's state with that call, and would bring the call back off the screen. The queue day's
 * version only grows within a day, and a later day replaces the screen whatever its version (ISO dates compare as
 * strings).
 */
export function replacesDisplayState(shown: DisplayState, next: DisplayState): boolean {
  return next.date > shown.date || (next.date === shown.date && next.version >= shown.version);
}
