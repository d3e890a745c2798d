// The kiosk's touch targets: far above the 44 px minimum, for a standing person tapping a tablet.
const big = "inline-flex min-h-16 w-full items-center justify-center gap-3 rounded px-6 py-4 text-2xl font-bold";
export const kioskPrimary = `${big} bg-success text-white shadow-[0_3px_0_#002d18] hover:bg-[#005a30] disabled:opacity-70`;
export const kioskSecondary = `${big} border-4 border-brand bg-white text-brand hover:bg-[#e8f0f8]`;
