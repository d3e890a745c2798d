import type { Db } from "@/lib/server/db/client";

// Sample legal texts for the demo city, written by the seed. Every contact is an obvious demo value
// (*.example, 555 numbers); the administrators must replace them with their own before going live.

const IMPRINT = `**Mustertext der Demo-Installation.** Die Verwaltung muss diesen Text prüfen und anpassen, bevor die Terminvergabe öffentlich genutzt wird.

## Anbieter

Stadtverwaltung Pirmasens (Demo)
Exerzierplatzstraße 17
66953 Pirmasens

Die Stadt Pirmasens ist eine Gebietskörperschaft des öffentlichen Rechts. Sie wird vertreten durch den Oberbürgermeister.

## Kontakt

Telefon: [+49 6331 555-0](tel:+496331555000)
E-Mail: terminvergabe@pirmasens.example

## Aufsichtsbehörde

Aufsichts- und Dienstleistungsdirektion (ADD), Willy-Brandt-Platz 3, 54290 Trier

## Umsatzsteuer-Identifikationsnummer

DE 000 000 000 (Demo-Wert)

## Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV

Leitung des Ordnungsamts, Anschrift wie oben

## Haftung für Links

Diese Seiten verlinken auf Angebote anderer Stellen. Für deren Inhalte sind die jeweiligen Anbieter verantwortlich.

## Software

Die Online-Terminvergabe ist freie Software unter der Lizenz EUPL-1.2.`;

const PRIVACY = `**Mustertext der Demo-Installation.** Die Verwaltung muss diesen Text prüfen und anpassen, bevor die Terminvergabe öffentlich genutzt wird.

## Verantwortliche Stelle

Verantwortlich im Sinne der Datenschutz-Grundverordnung (DSGVO) ist die Stelle, bei der Sie einen Termin buchen. Die Stellen und ihre Kontaktdaten stehen weiter unten auf dieser Seite.

Gesamtverantwortung für dieses Angebot: Stadtverwaltung Pirmasens (Demo), Exerzierplatzstraße 17, 66953 Pirmasens, terminvergabe@pirmasens.example

## Datenschutzbeauftragte

Sie erreichen die behördliche Datenschutzbeauftragte der Stadt unter:
Datenschutzbeauftragte der Stadtverwaltung Pirmasens (Demo), Exerzierplatzstraße 17, 66953 Pirmasens
E-Mail: datenschutz@pirmasens.example
Telefon: [+49 6331 555-123](tel:+496331555123)

## Zweck und Rechtsgrundlage

Wir verarbeiten Ihre Angaben, um Ihnen einen Termin zu geben, Sie beim Termin zu erkennen und Sie über Ihren Termin per E-Mail zu informieren. Rechtsgrundlage ist Art. 6 Abs. 1 Buchst. e DSGVO in Verbindung mit § 3 Landesdatenschutzgesetz Rheinland-Pfalz (LDSG): Die Terminvergabe ist Teil der Aufgaben der Verwaltung. Ihre freiwilligen Angaben (Telefonnummer, Bemerkung) verarbeiten wir mit Ihrer Einwilligung nach Art. 6 Abs. 1 Buchst. a DSGVO.

## Empfänger

Ihre Angaben sehen nur die Beschäftigten der Stelle, bei der Sie gebucht haben, und die Systembetreuung der Stadtverwaltung. Die Terminvergabe läuft auf Servern der Stadtverwaltung. Wir geben Ihre Angaben nicht an Dritte weiter und übermitteln sie nicht in Länder außerhalb der EU.

## Protokolle und Cookies

Der Server speichert zur Abwehr von Missbrauch Ihre IP-Adresse nur verschlüsselt und mit einem täglich wechselnden Schlüssel. Während der Buchung speichert ein technisch notwendiges Cookie Ihre Eingaben verschlüsselt für höchstens zwei Stunden. Wählen Sie eine Sprache aus, merkt sich ein zweites Cookie nur diese Sprache (siehe unten). Es gibt keine Analyse- oder Werbe-Cookies und keine Inhalte anderer Anbieter.

## Ihre Rechte

Sie haben das Recht auf Auskunft (Art. 15 DSGVO), Berichtigung (Art. 16), Löschung (Art. 17), Einschränkung der Verarbeitung (Art. 18) und Widerspruch (Art. 21). Eine Einwilligung können Sie jederzeit für die Zukunft widerrufen. Über den Link in Ihrer Bestätigungs-E-Mail können Sie Ihre Daten selbst herunterladen oder sofort löschen.

## Beschwerde

Sie können sich bei der Aufsichtsbehörde beschweren: Der Landesbeauftragte für den Datenschutz und die Informationsfreiheit Rheinland-Pfalz, Hintere Bleiche 34, 55116 Mainz, https://www.datenschutz.rlp.de`;

const ACCESSIBILITY = `**Mustertext der Demo-Installation.** Die Verwaltung muss diesen Text prüfen und anpassen, bevor die Terminvergabe öffentlich genutzt wird.

Die Stadtverwaltung Pirmasens (Demo) ist bemüht, ihre Online-Terminvergabe barrierefrei zugänglich zu machen. Rechtsgrundlagen sind das Landesinklusionsgesetz Rheinland-Pfalz (LInklG) und die Barrierefreie-Informationstechnik-Verordnung Rheinland-Pfalz (BITV RP), die auf die Anforderungen der Richtlinie (EU) 2016/2102 und der europäischen Norm EN 301 549 (WCAG 2.1, Stufe AA) verweisen.

## Stand der Vereinbarkeit mit den Anforderungen

Diese Website ist **weitgehend vereinbar** mit den Anforderungen der BITV RP. Die Bewertung beruht auf einer Selbstbewertung mit automatischen Prüfungen (axe-core) jeder Seite der Buchung, Tests nur mit der Tastatur und einer Prüfung bei 360 Pixel Bildschirmbreite.

## Nicht barrierefreie Inhalte

- Die Texte der Terminvergabe gibt es nicht in Deutscher Gebärdensprache.
- Leichte Sprache gibt es nur für die Erklärung, wie die Buchung funktioniert (Seite „Leichte Sprache“), nicht für alle Texte.
- Die Prüfung gegen automatisierte Buchungen läuft im Hintergrund. Ohne JavaScript ist eine Buchung nicht möglich. Bitte buchen Sie dann telefonisch.

## Erstellung dieser Erklärung

Diese Erklärung wurde am 24. November 2026 erstellt und zuletzt am 24. November 2026 überprüft.

## Barrieren melden: Kontakt

Ist Ihnen eine Barriere aufgefallen, oder brauchen Sie Inhalte in einer anderen Form? Schreiben Sie uns:
Stadtverwaltung Pirmasens (Demo), Koordinierungsstelle Barrierefreiheit
E-Mail: barrierefreiheit@pirmasens.example
Telefon: [+49 6331 555-200](tel:+496331555200)
Wir antworten innerhalb eines Monats.

## Durchsetzungsverfahren

Wenn Sie von uns keine oder keine zufriedenstellende Antwort bekommen (spätestens nach einem Monat), können Sie sich an die Durchsetzungsstelle wenden. Sie ist beim Landesbeauftragten für die Belange behinderter Menschen Rheinland-Pfalz angesiedelt und prüft, ob die Vorschriften eingehalten sind:

Durchsetzungsstelle beim Landesbeauftragten für die Belange behinderter Menschen
Ministerium für Arbeit, Soziales, Transformation und Digitalisierung Rheinland-Pfalz
Bauhofstraße 9, 55116 Mainz
E-Mail: durchsetzungsstelle@mastd.rlp.de
Telefon: [06131 16-5342](tel:+49613116-5342)`;

export const DEMO_LEGAL_TEXTS = { IMPRINT, PRIVACY, ACCESSIBILITY } as const;

/** Writes the sample texts (German, for the whole site) unless texts exist. */
export async function seedLegalTexts(db: Db): Promise<void> {
  for (const [kind, body] of Object.entries(DEMO_LEGAL_TEXTS) as [keyof typeof DEMO_LEGAL_TEXTS, string][]) {
    await db.legalText.upsert({
      where: { scope_kind_locale: { scope: "site", kind, locale: "de" } },
      create: { scope: "site", kind, locale: "de", body },
      update: {},
    });
  }
}
