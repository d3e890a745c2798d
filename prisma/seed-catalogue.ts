import type { Locale } from "../lib/i18n/routing";
import type { ServiceTexts } from "./seed-services";

// The city's catalogue entries that the two demo Bürgerbüros share, with their texts in every language of the
// public site (German is the source; the others are demo translations for the city to review, see seed-services.ts).
// LeiKa keys only where the federal catalogue's key is known for certain; the others stay empty for the city to add.

export interface DemoCatalogueEntry {
  slug: string;
  leikaKey: string | null;
  texts: Record<Locale, ServiceTexts>;
}

export const PERSONALAUSWEIS = "personalausweis-beantragen";
export const REISEPASS = "reisepass-beantragen";
export const MELDEBESCHEINIGUNG = "meldebescheinigung";

export const demoCatalogue: DemoCatalogueEntry[] = [
  {
    slug: PERSONALAUSWEIS,
    leikaKey: "99008001012000",
    texts: {
      de: {
        name: "Personalausweis beantragen",
        description: "Neuer Personalausweis für Deutsche ab 16 Jahren, auch bei Verlust oder Namensänderung. Bitte kommen Sie persönlich.",
        documents: ["Bisheriger Personalausweis oder Reisepass", "Ein aktuelles biometrisches Passfoto"],
      },
      en: {
        name: "Applying for an identity card",
        description: "A new identity card for Germans aged 16 and over, also after a loss or a change of name. Please come in person.",
        documents: ["Your previous identity card or passport", "One recent biometric passport photo"],
      },
      tr: {
        name: "Kimlik kartı başvurusu",
        description: "16 yaşından büyük Almanlar için yeni kimlik kartı, kayıp veya isim değişikliğinde de. Lütfen şahsen gelin.",
        documents: ["Önceki kimlik kartınız veya pasaportunuz", "Güncel bir biyometrik vesikalık fotoğraf"],
      },
      uk: {
        name: "Оформлення посвідчення особи",
        description: "Нове посвідчення особи для громадян Німеччини від 16 років, також у разі втрати або зміни прізвища. Будь ласка, приходьте особисто.",
        documents: ["Попереднє посвідчення особи або паспорт", "Одне актуальне біометричне фото на паспорт"],
      },
      ru: {
        name: "Оформление удостоверения личности",
        description: "Новое удостоверение личности для граждан Германии с 16 лет, в том числе при утрате или смене фамилии. Пожалуйста, приходите лично.",
        documents: ["Прежнее удостоверение личности или паспорт", "Одна актуальная биометрическая фотография на паспорт"],
      },
      ar: {
        name: "طلب بطاقة الهوية الشخصية",
        description: "بطاقة هوية جديدة للألمان من سن 16 عامًا، وكذلك عند الفقدان أو تغيير الاسم. يُرجى الحضور شخصيًا.",
        documents: ["بطاقة الهوية أو جواز السفر السابق", "صورة شخصية بيومترية حديثة"],
      },
      fa: {
        name: "درخواست کارت شناسایی",
        description: "کارت شناسایی جدید برای شهروندان آلمانی از ۱۶ سالگی، همچنین در صورت گم شدن یا تغییر نام. لطفاً شخصاً مراجعه کنید.",
        documents: ["کارت شناسایی یا گذرنامه قبلی", "یک عکس بیومتریک جدید"],
      },
      fr: {
        name: "Demander une carte d’identité",
        description: "Nouvelle carte d’identité pour les Allemands à partir de 16 ans, y compris en cas de perte ou de changement de nom. Veuillez venir en personne.",
        documents: ["Votre ancienne carte d’identité ou votre passeport", "Une photo d’identité biométrique récente"],
      },
    },
  },
  {
    slug: REISEPASS,
    leikaKey: null,
    texts: {
      de: {
        name: "Reisepass beantragen",
        description: "Reisepass für Reisen außerhalb der Europäischen Union, auch als Express-Pass. Kinder brauchen einen eigenen Pass.",
        documents: ["Bisheriger Reisepass oder Personalausweis", "Ein aktuelles biometrisches Passfoto", "Geburtsurkunde (nur beim ersten Pass)"],
      },
      en: {
        name: "Applying for a passport",
        description: "A passport for travel outside the European Union, also as an express passport. Children need a passport of their own.",
        documents: ["Your previous passport or identity card", "One recent biometric passport photo", "Birth certificate (first passport only)"],
      },
      tr: {
        name: "Pasaport başvurusu",
        description: "Avrupa Birliği dışına seyahat için pasaport, ekspres pasaport olarak da. Çocukların kendi pasaportu olmalıdır.",
        documents: ["Önceki pasaportunuz veya kimlik kartınız", "Güncel bir biyometrik vesikalık fotoğraf", "Doğum belgesi (yalnızca ilk pasaportta)"],
      },
      uk: {
        name: "Оформлення закордонного паспорта",
        description: "Паспорт для подорожей за межі Європейського Союзу, також як експрес-паспорт. Дітям потрібен власний паспорт.",
        documents: ["Попередній паспорт або посвідчення особи", "Одне актуальне біометричне фото на паспорт", "Свідоцтво про народження (лише для першого паспорта)"],
      },
      ru: {
        name: "Оформление заграничного паспорта",
        description: "Паспорт для поездок за пределы Европейского союза, также как экспресс-паспорт. Детям нужен собственный паспорт.",
        documents: ["Прежний паспорт или удостоверение личности", "Одна актуальная биометрическая фотография на паспорт", "Свидетельство о рождении (только для первого паспорта)"],
      },
      ar: {
        name: "طلب جواز سفر",
        description: "جواز سفر للسفر خارج الاتحاد الأوروبي، ومتاح أيضًا كجواز سفر مستعجل. يحتاج الأطفال إلى جواز سفر خاص بهم.",
        documents: ["جواز السفر أو بطاقة الهوية السابقة", "صورة شخصية بيومترية حديثة", "شهادة الميلاد (لأول جواز سفر فقط)"],
      },
      fa: {
        name: "درخواست گذرنامه",
        description: "گذرنامه برای سفر به خارج از اتحادیه اروپا، همچنین به‌صورت گذرنامه فوری. کودکان به گذرنامهٔ جداگانه نیاز دارند.",
        documents: ["گذرنامه یا کارت شناسایی قبلی", "یک عکس بیومتریک جدید", "شناسنامه یا گواهی تولد (فقط برای نخستین گذرنامه)"],
      },
      fr: {
        name: "Demander un passeport",
        description: "Passeport pour voyager hors de l’Union européenne, également en procédure express. Les enfants ont besoin de leur propre passeport.",
        documents: ["Votre ancien passeport ou votre carte d’identité", "Une photo d’identité biométrique récente", "Acte de naissance (premier passeport uniquement)"],
      },
    },
  },
  {
    slug: MELDEBESCHEINIGUNG,
    leikaKey: null,
    texts: {
      de: {
        name: "Meldebescheinigung",
        description: "Bescheinigung über Ihre Anschrift, wie sie im Melderegister steht, zum Beispiel für die Bank oder den Arbeitgeber.",
        documents: ["Personalausweis oder Reisepass"],
      },
      en: {
        name: "Certificate of registration",
        description: "A certificate of your address as the population register holds it, for example for your bank or employer.",
        documents: ["Identity card or passport"],
      },
      tr: {
        name: "İkamet belgesi",
        description: "Nüfus kaydındaki adresinizi gösteren belge, örneğin banka veya işveren için.",
        documents: ["Kimlik kartı veya pasaport"],
      },
      uk: {
        name: "Довідка про реєстрацію місця проживання",
        description: "Довідка про вашу адресу в реєстрі мешканців, наприклад для банку або роботодавця.",
        documents: ["Посвідчення особи або паспорт"],
      },
      ru: {
        name: "Справка о регистрации по месту жительства",
        description: "Справка о вашем адресе в регистре жителей, например для банка или работодателя.",
        documents: ["Удостоверение личности или паспорт"],
      },
      ar: {
        name: "شهادة تسجيل السكن",
        description: "شهادة بعنوانكم كما هو مسجل في سجل السكان، مثلًا للبنك أو لصاحب العمل.",
        documents: ["بطاقة الهوية أو جواز السفر"],
      },
      fa: {
        name: "گواهی ثبت محل سکونت",
        description: "گواهی نشانی شما آن‌گونه که در دفتر ثبت ساکنان آمده است، مثلاً برای بانک یا کارفرما.",
        documents: ["کارت شناسایی یا گذرنامه"],
      },
      fr: {
        name: "Attestation de domicile",
        description: "Attestation de votre adresse telle qu’elle figure au registre de la population, par exemple pour votre banque ou votre employeur.",
        documents: ["Carte d’identité ou passeport"],
      },
    },
  },
];
