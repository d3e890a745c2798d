import { getTranslations, setRequestLocale } from "next-intl/server";
import { languageAttributes } from "@/components/ui/text-in-language";
import { Link } from "@/lib/i18n/navigation";
import { defaultLocale } from "@/lib/i18n/routing";

interface Part {
  title: string;
  text: string[];
}

// Leichte Sprache is German by definition: every language shows the German text, marked lang="de" (and
// dir="ltr" on right-to-left pages).
const EASY = { locale: defaultLocale, namespace: "easyLanguage" } as const;

export async function generateMetadata() {
  const t = await getTranslations(EASY);
  return { title: t("metaTitle") };
}

function Sentences({ text }: { text: string[] }) {
  return (
    <>
      {text.map((sentence) => (
        <p key={sentence} className="mt-2">
          {sentence}
        </p>
      ))}
    </>
  );
}

function Section({ part, id }: { part: Part; id: string }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="text-2xl font-bold">
        {part.title}
      </h2>
      <Sentences text={part.text} />
    </section>
  );
}

/** How online booking works, in Leichte Sprache (BITV 2.0 § 4: explanations for public bodies' websites). */
export default async function EasyLanguagePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations(EASY);
  const sections = t.raw("sections") as Part[];
  const steps = t.raw("steps") as Part[];
  const after = t.raw("after") as Part[];
  const link = "inline-flex min-h-11 items-center text-brand underline underline-offset-2 hover:text-brand-dark";
  return (
    <article {...languageAttributes(defaultLocale, locale)} className="max-w-prose space-y-8 text-lg leading-relaxed">
      <header>
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="mt-2 text-muted">{t("subtitle")}</p>
      </header>
      {sections.map((part, i) => (
        <Section key={part.title} part={part} id={`teil-${i + 1}`} />
      ))}
      <section aria-labelledby="schritte">
        <h2 id="schritte" className="text-2xl font-bold">
          {t("stepsTitle")}
        </h2>
        <ol className="mt-2 space-y-6">
          {steps.map((step, i) => (
            <li key={step.title} className="flex gap-4">
              <span aria-hidden="true" className="flex size-11 shrink-0 items-center justify-center rounded-full bg-brand text-xl font-bold text-white">
                {i + 1}
              </span>
              <div>
                <h3 className="text-xl font-bold">
                  <span className="sr-only">{`${i + 1}. `}</span>
                  {step.title}
                </h3>
                <Sentences text={step.text} />
              </div>
            </li>
          ))}
        </ol>
      </section>
      {after.map((part, i) => (
        <Section key={part.title} part={part} id={`danach-${i + 1}`} />
      ))}
      <ul className="space-y-2">
        <li>
          <Link href="/" className={link}>
            {t("start")}
          </Link>
        </li>
        <li>
          <Link href="/datenschutz" className={link}>
            {t("privacyLink")}
          </Link>
        </li>
      </ul>
    </article>
  );
}
