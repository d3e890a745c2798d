import { NextIntlClientProvider } from "next-intl";
import { renderToStaticMarkup } from "react-dom/server";
import { ServiceChoiceForm } from "@/components/booking/service-choice-form";
import { languageAttributes, messageWithTexts, TextInLanguage } from "@/components/ui/text-in-language";
import arBooking from "@/lib/i18n/messages/ar/booking.json";
import arErrors from "@/lib/i18n/messages/ar/errors.json";
import arValidation from "@/lib/i18n/messages/ar/validation.json";

// A German text the office has not translated is marked as German wherever it shows inside another language (WCAG
// 3.1.2), and on a right-to-left page it keeps its left-to-right order; a translated text is not marked. The
// language comes from the lookup that chose the text, never from guessing.

describe("marking a text's language", () => {
  it.each([
    ["de", "ar", { lang: "de", dir: "ltr" }],
    ["de", "fa", { lang: "de", dir: "ltr" }],
    ["de", "tr", { lang: "de" }],
    ["de", "de", {}],
    ["ar", "ar", {}],
    ["ar", "de", { lang: "ar", dir: "rtl" }],
  ])("a %s text inside a %s page gets %j", (text, page, expected) => {
    expect(languageAttributes(text, page)).toEqual(expected);
  });

  it("isolates every text in a bdi; an e-mail's span is left out where it would say nothing", () => {
    const html = (node: React.ReactNode) => renderToStaticMarkup(<>{node}</>);
    expect(html(<TextInLanguage locale="de" pageLocale="ar">Ausländerbehörde</TextInLanguage>)).toBe(
      '<bdi lang="de" dir="ltr">Ausländerbehörde</bdi>',
    );
    expect(html(<TextInLanguage locale="ar" pageLocale="ar">استشارة</TextInLanguage>)).toBe("<bdi>استشارة</bdi>");
    expect(html(<TextInLanguage as="span" locale="de" pageLocale="tr">Mietvertrag</TextInLanguage>)).toBe(
      '<span lang="de">Mietvertrag</span>',
    );
    expect(html(<TextInLanguage as="span" locale="tr" pageLocale="tr">Kira sözleşmesi</TextInLanguage>)).toBe("Kira sözleşmesi");
  });

  it("puts marked values into a translated message where the message has them", () => {
    const office = <TextInLanguage locale="de" pageLocale="ar">Ausländerbehörde</TextInLanguage>;
    const title = (v: { office: string }) => `موعد لدى: ${v.office}`;
    expect(renderToStaticMarkup(<h1>{messageWithTexts(title, { office })}</h1>)).toBe(
      '<h1>موعد لدى: <bdi lang="de" dir="ltr">Ausländerbehörde</bdi></h1>',
    );
    const sender = (v: { office: string; authority: string }) => `${v.office}، ${v.authority}`;
    const authority = <TextInLanguage locale="de" pageLocale="ar">Stadt Pirmasens</TextInLanguage>;
    expect(renderToStaticMarkup(<p>{messageWithTexts(sender, { office, authority })}</p>)).toBe(
      '<p><bdi lang="de" dir="ltr">Ausländerbehörde</bdi>، <bdi lang="de" dir="ltr">Stadt Pirmasens</bdi></p>',
    );
    // A translation that leaves the value out shows without it, rather than with a stray character.
    expect(renderToStaticMarkup(<p>{messageWithTexts(() => "Termin", { office })}</p>)).toBe("<p>Termin</p>");
  });
});

describe("the service choice in Arabic", () => {
  it("marks the untranslated German description and documents, not the translated name", () => {
    // As the office page hands it over: the Arabic name, the German description and documents as a stand-in.
    const description = "Allgemeine Beratung zu Aufenthalt, Einbürgerung und Familiennachzug.";
    const html = renderToStaticMarkup(
      <NextIntlClientProvider locale="ar" timeZone="Europe/Berlin" messages={{ booking: arBooking, errors: arErrors, validation: arValidation }}>
        <ServiceChoiceForm
          action={async () => ({})}
          services={[
            {
              slug: "beratungsgespraech",
              name: "استشارة",
              description,
              minutes: 20,
              documents: ["Gültiger Reisepass", "Unterlagen zu Ihrer Frage"],
              textLocales: { name: "ar", description: "de", documents: "de" },
            },
          ]}
        />
      </NextIntlClientProvider>,
    );
    expect(html).toContain("<bdi>استشارة</bdi>");
    expect(html).not.toMatch(/lang="de"[^>]*>استشارة/);
    expect(html).toContain(`<bdi lang="de" dir="ltr">${description}</bdi>`);
    expect(html).toContain('<bdi lang="de" dir="ltr">Gültiger Reisepass</bdi>');
    expect(html).toContain('<bdi lang="de" dir="ltr">Unterlagen zu Ihrer Frage</bdi>');
  });
});
