// The call-up display's sound: a two-tone gong made with Web Audio (no file to load) and the spoken call through the
// browser's speech synthesis, in German and then in the ticket's language.

/** BCP 47 tags for the voices of the site's languages. */
const VOICE_LANG: Record<string, string> = {
  de: "de-DE",
  en: "en-GB",
  tr: "tr-TR",
  uk: "uk-UA",
  ru: "ru-RU",
  ar: "ar-SA",
  fa: "fa-IR",
  fr: "fr-FR",
};

/** About 1.5 s: a high tone, then a lower one, each fading out. */
export function playGong(ctx: AudioContext): number {
  const start = ctx.currentTime + 0.05;
  for (const [frequency, offset] of [
    [880, 0],
    [660, 0.5],
  ] as const) {
    const oscillator = ctx.createOscillator();
    const gain = ctx.createGain();
    oscillator.type = "sine";
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, start + offset);
    gain.gain.exponentialRampToValueAtTime(0.6, start + offset + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 1.2);
    oscillator.connect(gain).connect(ctx.destination);
    oscillator.start(start + offset);
    oscillator.stop(start + offset + 1.3);
  }
  return 1500;
}

/** "Nummer T 17, bitte zu Platz 3" from the message of that language. */
export function announcementText(template: string, number: string, counter: string): string {
  return template.replace("{number}", number).replace("{counter}", counter);
}

/** Queues the spoken call: German first, then the ticket's language when it differs. */
export function speakCall(
  call: { spoken: string; counter: string; locale: string },
  templates: Record<string, string>,
): void {
  if (typeof window === "undefined" || !("speechSynthesis" in window)) return;
  const languages = call.locale !== "de" && templates[call.locale] ? ["de", call.locale] : ["de"];
  for (const locale of languages) {
    const utterance = new SpeechSynthesisUtterance(announcementText(templates[locale], call.spoken, call.counter));
    utterance.lang = VOICE_LANG[locale] ?? locale;
    utterance.rate = 0.9;
    window.speechSynthesis.speak(utterance);
  }
}
