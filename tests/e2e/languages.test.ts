import ICAL from "ical.js";
import { type ParsedMail, simpleParser } from "mailparser";
import type { BrowserContext, Page } from "playwright-core";
import { startApp, type RunningApp } from "../helpers/app-server";
import { smallTargets } from "../helpers/axe";
import { launchBrowser } from "../helpers/browser";
import { fillPersonalData, postBooking } from "../helpers/citizen";
import { startSmtpServer, type TestSmtpServer } from "../helpers/smtp";

// A citizen switches the language in the middle of the wizard and keeps what they entered; Arabic and Persian run
// right to left; the confirmation e-mail and its calendar file come in the language the appointment was booked in,
// with the office's own translation of the service. Against the built app, a real SMTP server and Chromium.

const OFFICE = "auslaenderbehoerde";
const SERVICE = "beratungsgespraech";

let app: RunningApp;
let smtp: TestSmtpServer;
let browser: BrowserContext;

beforeAll(async () => {
  smtp = await startSmtpServer();
  app = await startApp({ smtpUrl: smtp.url });
  // The demo office has translated its services into every language. For this one it has translated only the
  // Turkish name, and nothing into Arabic.
  const service = await app.db.service.findFirstOrThrow({ where: { slug: SERVICE, office: { slug: OFFICE } } });
  const catalogueServiceId = service.catalogueServiceId;
  await app.db.serviceTranslation.deleteMany({ where: { catalogueServiceId, locale: { in: ["tr", "ar"] } } });
  await app.db.serviceTranslation.create({
    data: { catalogueServiceId, locale: "tr", name: "Danışma görüşmesi", description: null, documents: "" },
  });
  browser = await launchBrowser({ width: 360, height: 800 });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await smtp?.stop();
});

beforeEach(async () => {
  await browser.clearCookies();
});

async function mailTo(recipient: string): Promise<ParsedMail> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    for (const message of smtp.messages) {
      const mail = await simpleParser(message.raw);
      const to = mail.to && !Array.isArray(mail.to) ? mail.to.text : "";
      if (to.includes(recipient)) return mail;
    }
    if (Date.now() > deadline) throw new Error(`no e-mail to ${recipient}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function calendarEvent(mail: ParsedMail) {
  const ics = mail.attachments.find((a) => a.filename?.endsWith(".ics"));
  if (!ics) throw new Error("no calendar file attached");
  const vevent = new ICAL.Component(ICAL.parse(ics.content.toString("utf8"))).getFirstSubcomponent("vevent");
  return new ICAL.Event(vevent!);
}

async function htmlAttributes(page: Page) {
  return page.evaluate(() => ({
    lang: document.documentElement.getAttribute("lang"),
    dir: document.documentElement.getAttribute("dir"),
  }));
}

/** Opens the language menu with the keyboard and follows the link to `name`. */
async function switchLanguage(page: Page, name: string) {
  const summary = page.locator("header details summary");
  await summary.focus();
  await page.keyboard.press("Enter");
  const link = page.locator("header details").getByRole("link", { name, exact: true });
  await link.waitFor();
  await link.focus();
  await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
}

it("keeps the entered data and the chosen time when the language changes in the middle of the wizard", async () => {
  const page = await browser.newPage();
  await page.goto(`${app.url}/${OFFICE}`);
  await page.getByLabel("Beratungsgespräch").check();
  await page.getByRole("button", { name: "Weiter" }).click();
  await page.waitForURL(new RegExp(`/${SERVICE}$`));
  await fillPersonalData(page);
  await page.waitForURL(/\/termin$/);
  const next = page.getByRole("button", { name: "Diesen Termin wählen" });
  const start = (await next.getAttribute("value"))!;
  await next.click();
  await page.waitForURL(/\/pruefen$/);
  const germanWhen = await page.locator("dl > div").nth(1).locator("dd").first().textContent();

  // The menu names each language in itself, with lang and hreflang, links to this very page, and has 44 px targets.
  const links = page.locator("header details a");
  await page.locator("header details summary").click();
  expect(await links.evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute("lang"), a.getAttribute("hreflang"), a.getAttribute("href")]))).toEqual([
    ["Deutsch", "de", "de", `/${OFFICE}/${SERVICE}/pruefen`],
    ["English", "en", "en", `/en/${OFFICE}/${SERVICE}/pruefen`],
    ["Türkçe", "tr", "tr", `/tr/${OFFICE}/${SERVICE}/pruefen`],
    ["Українська", "uk", "uk", `/uk/${OFFICE}/${SERVICE}/pruefen`],
    ["Русский", "ru", "ru", `/ru/${OFFICE}/${SERVICE}/pruefen`],
    ["العربية", "ar", "ar", `/ar/${OFFICE}/${SERVICE}/pruefen`],
    ["فارسی", "fa", "fa", `/fa/${OFFICE}/${SERVICE}/pruefen`],
    ["Français", "fr", "fr", `/fr/${OFFICE}/${SERVICE}/pruefen`],
  ]);
  expect(await smallTargets(page, "header details summary, header details a")).toEqual([]);
  await page.locator("header details summary").click();

  await switchLanguage(page, "العربية");
  expect(page.url()).toBe(`${app.url}/ar/${OFFICE}/${SERVICE}/pruefen`);
  expect(await htmlAttributes(page)).toEqual({ lang: "ar", dir: "rtl" });
  await page.getByRole("heading", { level: 1, name: "يُرجى مراجعة بياناتكم" }).waitFor();
  await page.getByText("amira.haddad@example.org").waitFor();
  await page.getByText("Amira Haddad").waitFor();
  const arabicWhen = await page.locator("dl > div").nth(1).locator("dd").first().textContent();
  expect(arabicWhen).not.toBe(germanWhen);
  expect(arabicWhen).toContain(
    new Intl.DateTimeFormat("ar", { timeZone: "Europe/Berlin", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(start)),
  );

  // Back in German, the same time is still chosen.
  await switchLanguage(page, "Deutsch");
  expect(page.url()).toBe(`${app.url}/${OFFICE}/${SERVICE}/pruefen`);
  expect(await htmlAttributes(page)).toEqual({ lang: "de", dir: "ltr" });
  expect(await page.locator("dl > div").nth(1).locator("dd").first().textContent()).toBe(germanWhen);
  await page.close();
});

it("runs right to left in Arabic and Persian only, with the back arrow pointing to the start", async () => {
  const page = await browser.newPage();
  for (const [locale, dir] of [["ar", "rtl"], ["fa", "rtl"], ["ru", "ltr"], ["en", "ltr"]] as const) {
    await page.goto(`${app.url}/${locale}/${OFFICE}/${SERVICE}`);
    expect(await htmlAttributes(page)).toEqual({ lang: locale, dir });
    // "Back" leads towards the start of the line: its chevron sits at the link's start and points outwards.
    const box = await page.locator("main a svg").first().boundingBox();
    const link = await page.locator("main a").first().boundingBox();
    const atStart = dir === "rtl" ? box!.x + box!.width > link!.x + link!.width - 12 : box!.x < link!.x + 12;
    expect({ locale, atStart }).toEqual({ locale, atStart: true });
  }
  await page.close();
});

/** The text, lang and dir of the first element matching `selector`. */
async function marking(page: Page, selector: string) {
  return page.locator(selector).first().evaluate((el) => ({
    text: el.textContent?.trim(),
    lang: el.getAttribute("lang"),
    dir: el.getAttribute("dir"),
  }));
}

it("marks German stand-ins as German (left to right on Arabic pages), and the office's translations not", async () => {
  const page = await browser.newPage();
  await page.goto(`${app.url}/ar/${OFFICE}`);
  // The office's name is German in every language; this service has no Arabic texts, the next one has.
  expect(await marking(page, "h1 bdi")).toEqual({ text: "Ausländerbehörde", lang: "de", dir: "ltr" });
  expect(await marking(page, `label[for="service-${SERVICE}"] bdi`)).toEqual({ text: "Beratungsgespräch", lang: "de", dir: "ltr" });
  expect(await marking(page, `#service-${SERVICE}-details bdi`)).toMatchObject({ lang: "de", dir: "ltr" });
  expect(await marking(page, 'label[for="service-aufenthaltserlaubnis-abholen"] bdi')).toEqual({
    text: "استلام تصريح الإقامة",
    lang: null,
    dir: null,
  });

  // The personal-data step names the chosen service and lists its documents, German and marked so.
  await page.goto(`${app.url}/ar/${OFFICE}/${SERVICE}`);
  expect(await marking(page, "main .text-xl bdi")).toEqual({ text: "Beratungsgespräch", lang: "de", dir: "ltr" });
  expect(await marking(page, "main details li bdi")).toEqual({ text: "Gültiger Reisepass", lang: "de", dir: "ltr" });

  // Turkish runs left to right like German: the stand-in (the description) needs its language only.
  await page.goto(`${app.url}/tr/${OFFICE}`);
  expect(await marking(page, `label[for="service-${SERVICE}"] bdi`)).toEqual({ text: "Danışma görüşmesi", lang: null, dir: null });
  expect(await marking(page, `#service-${SERVICE}-details bdi`)).toEqual({
    text: "Allgemeine Beratung zu Aufenthalt, Einbürgerung und Familiennachzug.",
    lang: "de",
    dir: null,
  });
  await page.close();
});

it("suggests the browser's language once, in that language, and stops once a language was chosen", async () => {
  const page = await browser.newPage();
  // The browser prefers German (de-DE); an English page suggests German, in German, without redirecting.
  await page.goto(`${app.url}/en/${OFFICE}`);
  expect(page.url()).toBe(`${app.url}/en/${OFFICE}`);
  const notice = page.locator('div[lang="de"]').filter({ hasText: "Diese Seite gibt es auch auf Deutsch." });
  await notice.waitFor();
  expect(await notice.getByRole("link", { name: "Auf Deutsch anzeigen" }).getAttribute("href")).toBe(`/${OFFICE}`);
  // A German page suggests nothing to a German browser.
  await page.goto(`${app.url}/${OFFICE}`);
  expect(await page.getByText("Diese Seite gibt es auch auf Deutsch.").count()).toBe(0);

  // "No, thanks" keeps English and the notice away.
  await page.goto(`${app.url}/en/${OFFICE}`);
  await page.getByRole("button", { name: "Nein, danke" }).click();
  await page.getByText("Diese Seite gibt es auch auf Deutsch.").waitFor({ state: "detached" });
  await page.goto(`${app.url}/fr/${OFFICE}`);
  expect(await page.getByText("Diese Seite gibt es auch auf Deutsch.").count()).toBe(0);
  await page.close();
});

it("books in Turkish: the pages, the e-mail and the calendar file are Turkish, with the office's service name", async () => {
  const page = await browser.newPage();
  await page.goto(`${app.url}/tr/${OFFICE}`);
  await page.getByLabel("Danışma görüşmesi").check();
  await page.getByRole("button", { name: "Devam" }).click();
  await page.waitForURL(new RegExp(`/tr/${OFFICE}/${SERVICE}$`));
  await page.getByLabel("Ad(lar), varsa").fill("Ayşe");
  await page.getByLabel("Soyadı").fill("Yılmaz");
  await page.getByLabel("E-posta adresi").fill("ayse.yilmaz@example.org");
  await page.getByLabel("Gün").fill("5");
  await page.getByLabel("Ay", { exact: true }).fill("11");
  await page.getByLabel("Yıl").fill("1984");
  await page.getByLabel(/Veri koruma bilgilendirmesini/).check();
  await page.getByRole("button", { name: "Randevu seçimine geç" }).click();
  await page.waitForURL(/\/tr\/.*\/termin$/);
  const next = page.getByRole("button", { name: "Bu randevuyu seç" });
  const start = new Date((await next.getAttribute("value"))!);
  await next.click();
  await page.waitForURL(/\/pruefen$/);
  await page.getByText("Danışma görüşmesi").first().waitFor();
  await page.getByRole("button", { name: "Randevuyu kesin olarak al" }).click();
  await page.waitForURL(/\/bestaetigung$/);
  const reference = (await page.getByTestId("reference-code").textContent())!.trim();
  await page.close();

  const booking = await app.db.booking.findFirstOrThrow({ where: { referenceCode: reference } });
  expect(booking.locale).toBe("tr");
  const mail = await mailTo("ayse.yilmaz@example.org");
  expect(mail.subject).toMatch(/^Randevu onayı: Danışma görüşmesi, .+, saat \d\d:\d\d \(TV-/);
  expect(mail.html).toMatch(/<html dir="ltr" lang="tr">/);
  expect(mail.text).toContain("Merhaba Ayşe Yılmaz,");
  expect(mail.text).toContain(`/tr/termin/`);
  const event = calendarEvent(mail);
  expect(event.summary).toBe("Danışma görüşmesi – Ausländerbehörde");
  expect(event.description).toContain(`Rezervasyon numarası: ${reference}`);
  expect(event.startDate.toJSDate().toISOString()).toBe(start.toISOString());
});

it("books in Arabic through the API (lang=ar): the e-mail runs right to left and the service falls back to German", async () => {
  const day = new Date().toISOString().slice(0, 10);
  const listed = await fetch(`${app.url}/api/v1/offices/${OFFICE}/services/${SERVICE}/slots?from=${day}&next=1&lang=ar`);
  const { nextFree } = (await listed.json()) as { nextFree: { start: string } };
  const res = await postBooking(
    app.url,
    {
      office: OFFICE,
      service: SERVICE,
      start: nextFree.start,
      givenName: "Omar",
      familyName: "Khalil",
      email: "omar.khalil@example.org",
      dateOfBirth: "1979-04-12",
    },
    { query: "?lang=ar" },
  );
  expect(res.status).toBe(201);
  const { referenceCode, manageUrl } = (await res.json()) as { referenceCode: string; manageUrl: string };
  expect(manageUrl).toContain("/ar/termin/");

  const mail = await mailTo("omar.khalil@example.org");
  expect(mail.subject).toContain("تأكيد الموعد: Beratungsgespräch");
  expect(mail.html).toMatch(/<html dir="rtl" lang="ar">/);
  expect(mail.html).toContain(`<span dir="ltr">${referenceCode}</span>`);
  expect(mail.html).toContain('<span lang="de" dir="ltr">Beratungsgespräch</span>');
  const event = calendarEvent(mail);
  expect(event.summary).toBe("Beratungsgespräch – Ausländerbehörde");
  expect(event.description).toContain(`رقم الحجز: ${referenceCode}`);
});
