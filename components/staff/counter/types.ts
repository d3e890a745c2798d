/** A server action behind a plain form: it answers by redirecting. */
export type FormAction = (form: FormData) => Promise<void>;

/** The counter screen's server actions, passed in by the page. */
export interface CounterScreenActions {
  chooseCounter: FormAction;
  callNext: FormAction;
  recall: FormAction;
  finish: FormAction;
  park: FormAction;
  takeBack: FormAction;
  forward: FormAction;
  walkIn: FormAction;
}
