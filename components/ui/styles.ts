// Shared class names: large touch targets (at least 44 px) and strong contrast on every control.
export const buttonPrimary =
  "inline-flex min-h-11 items-center justify-center rounded bg-success px-5 py-2 text-lg font-semibold text-white shadow-[0_2px_0_#002d18] hover:bg-[#005a30]";
export const buttonSecondary =
  "inline-flex min-h-11 items-center justify-center rounded border-2 border-brand bg-white px-4 py-2 font-semibold text-brand hover:bg-[#e8f0f8]";
export const buttonDanger =
  "inline-flex min-h-11 items-center justify-center rounded bg-error px-5 py-2 text-lg font-semibold text-white hover:bg-[#8c1d18]";
export const link = "text-brand underline underline-offset-2 hover:text-brand-dark";
export const input =
  "block w-full min-h-11 rounded-none border-2 border-ink bg-white px-2 py-1 text-lg aria-[invalid=true]:border-error";
export const card = "rounded border border-line bg-white p-4";
