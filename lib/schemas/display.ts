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
