import { defaultLocale, locales, type Locale } from "../lib/i18n/routing";

// The demo office's four services with their texts in every language of the public site. German is the source
// (the Service row); the other languages are the office's translations (ServiceTranslation rows), written for the
// demo. An office that goes live must have them reviewed by a person who knows the office's practice: the data
// model has no "needs review" mark for a translation, so this note and the README's demo section say so instead.

export interface ServiceTexts {
  name: string;
  description: string;
  /** One document per entry; stored one per line. */
  documents: string[];
}

export interface DemoService {
  slug: string;
  durationMinutes: number;
  extraPersonMinutes: number;
  maxPersons: number;
  /** The residence-permit services ask (optionally) for the permit's expiry, for urgent places. */
  asksPermitExpiry?: boolean;
  /** Parts of the day the service takes walk-ins ("MORNING,AFTERNOON"); none: appointments only. */
  walkInDayParts?: string;
  texts: Record<Locale, ServiceTexts>;
}

export const demoServices: DemoService[] = [
  {
    slug: "aufenthaltserlaubnis-beantragen",
    asksPermitExpiry: true,
    durationMinutes: 30,
    extraPersonMinutes: 20,
    maxPersons: 5,
    texts: {
      de: {
        name: "Beantragung/Verlängerung einer Aufenthaltserlaubnis",
        description: "Erstantrag oder Verlängerung eines Aufenthaltstitels. Bitte kommen Sie mit allen Unterlagen.",
        documents: [
          "Gültiger Reisepass",
          "Ein aktuelles biometrisches Passfoto",
          "Bisheriger Aufenthaltstitel (bei Verlängerung)",
          "Nachweis über den Lebensunterhalt (z. B. Arbeitsvertrag, Gehaltsnachweise der letzten drei Monate)",
          "Nachweis der Krankenversicherung",
          "Mietvertrag oder Wohnungsgeberbestätigung",
        ],
      },
      en: {
        name: "Applying for or extending a residence permit",
        description: "First application for a residence title, or its extension. Please bring all your documents.",
        documents: [
          "Valid passport",
          "One recent biometric passport photo",
          "Your current residence title (if you are extending it)",
          "Proof that you can support yourself (e.g. employment contract, payslips for the last three months)",
          "Proof of health insurance",
          "Tenancy agreement or landlord's confirmation (Wohnungsgeberbestätigung)",
        ],
      },
      tr: {
        name: "Oturma izni başvurusu veya uzatılması",
        description:
          "Oturma izni için ilk başvuru veya mevcut oturma izninin uzatılması. Lütfen tüm belgelerinizle birlikte gelin.",
        documents: [
          "Geçerli pasaport",
          "Güncel bir biyometrik vesikalık fotoğraf",
          "Mevcut oturma izniniz (uzatma başvurusunda)",
          "Geçiminizi sağlayabildiğinizi gösteren belgeler (örneğin iş sözleşmesi, son üç aya ait maaş bordroları)",
          "Sağlık sigortası belgesi",
          "Kira sözleşmesi veya ev sahibi onay belgesi (Wohnungsgeberbestätigung)",
        ],
      },
      uk: {
        name: "Оформлення або продовження дозволу на проживання",
        description:
          "Перша заява про видачу дозволу на проживання або про його продовження. Будь ласка, приходьте з усіма документами.",
        documents: [
          "Дійсний закордонний паспорт",
          "Одне актуальне біометричне фото на паспорт",
          "Чинний дозвіл на проживання (у разі продовження)",
          "Підтвердження засобів до існування (наприклад, трудовий договір, довідки про заробітну плату за останні три місяці)",
          "Підтвердження медичного страхування",
          "Договір оренди або підтвердження орендодавця (Wohnungsgeberbestätigung)",
        ],
      },
      ru: {
        name: "Оформление или продление вида на жительство",
        description:
          "Первое заявление о выдаче вида на жительство или о его продлении. Пожалуйста, приходите со всеми документами.",
        documents: [
          "Действующий заграничный паспорт",
          "Одна актуальная биометрическая фотография на паспорт",
          "Имеющийся вид на жительство (при продлении)",
          "Подтверждение средств к существованию (например, трудовой договор, справки о заработной плате за последние три месяца)",
          "Подтверждение медицинской страховки",
          "Договор аренды или подтверждение арендодателя (Wohnungsgeberbestätigung)",
        ],
      },
      ar: {
        name: "طلب تصريح إقامة أو تمديده",
        description: "طلب أول للحصول على تصريح إقامة أو تمديد التصريح الحالي. يُرجى الحضور ومعكم جميع المستندات.",
        documents: [
          "جواز سفر ساري المفعول",
          "صورة شخصية بيومترية حديثة",
          "تصريح الإقامة الحالي (عند التمديد)",
          "إثبات القدرة على تأمين المعيشة (مثل عقد العمل وكشوف الراتب عن الأشهر الثلاثة الأخيرة)",
          "إثبات التأمين الصحي",
          "عقد الإيجار أو تأكيد المؤجِّر (Wohnungsgeberbestätigung)",
        ],
      },
      fa: {
        name: "درخواست یا تمدید اجازه اقامت",
        description: "نخستین درخواست اجازه اقامت یا تمدید آن. لطفاً همه مدارک خود را همراه بیاورید.",
        documents: [
          "گذرنامه معتبر",
          "یک عکس بیومتریک جدید",
          "اجازه اقامت فعلی (در صورت تمدید)",
          "مدرک تأمین هزینه‌های زندگی (مثلاً قرارداد کار، فیش‌های حقوق سه ماه اخیر)",
          "مدرک بیمه درمانی",
          "قرارداد اجاره یا تأییدیه صاحبخانه (Wohnungsgeberbestätigung)",
        ],
      },
      fr: {
        name: "Demande ou renouvellement d’un titre de séjour",
        description: "Première demande de titre de séjour ou renouvellement. Veuillez venir avec tous vos documents.",
        documents: [
          "Passeport en cours de validité",
          "Une photo d’identité biométrique récente",
          "Titre de séjour actuel (en cas de renouvellement)",
          "Justificatif de ressources (p. ex. contrat de travail, bulletins de salaire des trois derniers mois)",
          "Attestation d’assurance maladie",
          "Contrat de location ou attestation du logeur (Wohnungsgeberbestätigung)",
        ],
      },
    },
  },
  {
    slug: "aufenthaltserlaubnis-abholen",
    walkInDayParts: "MORNING",
    asksPermitExpiry: true,
    durationMinutes: 10,
    extraPersonMinutes: 5,
    maxPersons: 5,
    texts: {
      de: {
        name: "Abholung einer Aufenthaltserlaubnis",
        description: "Abholung des elektronischen Aufenthaltstitels (eAT), wenn Sie unser Abholschreiben erhalten haben.",
        documents: ["Gültiger Reisepass", "Bisheriger Aufenthaltstitel", "Abholschreiben und PIN-Brief"],
      },
      en: {
        name: "Collecting a residence permit",
        description:
          "Collection of your electronic residence permit card (eAT) once you have received our letter saying it is ready.",
        documents: ["Valid passport", "Your previous residence title", "Collection letter and PIN letter"],
      },
      tr: {
        name: "Oturma izninin teslim alınması",
        description: "Teslim alma mektubumuz size ulaştıysa elektronik oturma izni kartınızın (eAT) teslim alınması.",
        documents: ["Geçerli pasaport", "Önceki oturma izniniz", "Teslim alma mektubu ve PIN mektubu"],
      },
      uk: {
        name: "Отримання дозволу на проживання",
        description: "Отримання електронного дозволу на проживання (eAT), якщо ви отримали від нас лист про його готовність.",
        documents: ["Дійсний закордонний паспорт", "Попередній дозвіл на проживання", "Лист про готовність документа та лист із PIN-кодом"],
      },
      ru: {
        name: "Получение вида на жительство",
        description: "Получение электронного вида на жительство (eAT), если вы получили от нас письмо о его готовности.",
        documents: ["Действующий заграничный паспорт", "Прежний вид на жительство", "Письмо о готовности документа и письмо с PIN-кодом"],
      },
      ar: {
        name: "استلام تصريح الإقامة",
        description: "استلام تصريح الإقامة الإلكتروني (eAT) بعد أن تصلكم منا رسالة الاستلام.",
        documents: ["جواز سفر ساري المفعول", "تصريح الإقامة السابق", "رسالة الاستلام ورسالة الرقم السري (PIN)"],
      },
      fa: {
        name: "دریافت کارت اجازه اقامت",
        description: "دریافت کارت الکترونیکی اجازه اقامت (eAT)، پس از آنکه نامه ما برای دریافت آن به دستتان رسید.",
        documents: ["گذرنامه معتبر", "اجازه اقامت قبلی", "نامه دریافت و نامه رمز PIN"],
      },
      fr: {
        name: "Retrait d’un titre de séjour",
        description:
          "Retrait du titre de séjour électronique (eAT), une fois que vous avez reçu notre lettre vous invitant à venir le chercher.",
        documents: ["Passeport en cours de validité", "Ancien titre de séjour", "Lettre de retrait et courrier avec le code PIN"],
      },
    },
  },
  {
    slug: "verpflichtungserklaerung",
    durationMinutes: 30,
    extraPersonMinutes: 0,
    maxPersons: 1,
    texts: {
      de: {
        name: "Verpflichtungserklärung",
        description: "Sie laden Besuch aus dem Ausland ein und verpflichten sich, für die Kosten aufzukommen.",
        documents: [
          "Personalausweis oder Reisepass mit Aufenthaltstitel",
          "Einkommensnachweise der letzten drei Monate",
          "Mietvertrag",
          "Name, Geburtsdatum und Passnummer der eingeladenen Person",
          "Gebühr: 29 Euro (Kartenzahlung möglich)",
        ],
      },
      en: {
        name: "Declaration of commitment (Verpflichtungserklärung)",
        description: "You are inviting visitors from abroad and undertake to cover their costs.",
        documents: [
          "German identity card, or passport with residence title",
          "Proof of income for the last three months",
          "Tenancy agreement",
          "Name, date of birth and passport number of the person you are inviting",
          "Fee: 29 euros (payment by card possible)",
        ],
      },
      tr: {
        name: "Taahhütname (Verpflichtungserklärung)",
        description: "Yurt dışından misafir davet ediyorsunuz ve masraflarını karşılamayı taahhüt ediyorsunuz.",
        documents: [
          "Alman kimlik kartı veya oturma izniyle birlikte pasaport",
          "Son üç aya ait gelir belgeleri",
          "Kira sözleşmesi",
          "Davet edilen kişinin adı, doğum tarihi ve pasaport numarası",
          "Harç: 29 Euro (kartla ödeme yapılabilir)",
        ],
      },
      uk: {
        name: "Зобов’язання про покриття витрат (Verpflichtungserklärung)",
        description: "Ви запрошуєте гостей з-за кордону та зобов’язуєтеся покрити їхні витрати.",
        documents: [
          "Німецьке посвідчення особи або паспорт із дозволом на проживання",
          "Підтвердження доходів за останні три місяці",
          "Договір оренди",
          "Ім’я, дата народження та номер паспорта запрошеної особи",
          "Збір: 29 євро (можна оплатити карткою)",
        ],
      },
      ru: {
        name: "Обязательство о покрытии расходов (Verpflichtungserklärung)",
        description: "Вы приглашаете гостей из-за рубежа и обязуетесь покрыть их расходы.",
        documents: [
          "Немецкое удостоверение личности или паспорт с видом на жительство",
          "Подтверждение доходов за последние три месяца",
          "Договор аренды",
          "Имя, дата рождения и номер паспорта приглашаемого лица",
          "Пошлина: 29 евро (можно оплатить картой)",
        ],
      },
      ar: {
        name: "تعهّد بتحمّل التكاليف (Verpflichtungserklärung)",
        description: "تدعون زوّارًا من الخارج وتتعهّدون بتحمّل تكاليفهم.",
        documents: [
          "بطاقة الهوية الألمانية، أو جواز السفر مع تصريح الإقامة",
          "إثباتات الدخل عن الأشهر الثلاثة الأخيرة",
          "عقد الإيجار",
          "اسم الشخص المدعو وتاريخ ميلاده ورقم جواز سفره",
          "الرسوم: 29 يورو (يمكن الدفع بالبطاقة)",
        ],
      },
      fa: {
        name: "تعهدنامه پرداخت هزینه‌ها (Verpflichtungserklärung)",
        description: "شما مهمانی را از خارج از کشور دعوت می‌کنید و متعهد می‌شوید هزینه‌های او را بپردازید.",
        documents: [
          "کارت شناسایی آلمانی، یا گذرنامه همراه با اجازه اقامت",
          "مدارک درآمد سه ماه اخیر",
          "قرارداد اجاره",
          "نام، تاریخ تولد و شماره گذرنامه فرد دعوت‌شده",
          "هزینه: 29 یورو (پرداخت با کارت امکان‌پذیر است)",
        ],
      },
      fr: {
        name: "Attestation de prise en charge (Verpflichtungserklärung)",
        description: "Vous invitez des personnes de l’étranger et vous vous engagez à prendre en charge leurs frais.",
        documents: [
          "Carte d’identité allemande, ou passeport avec titre de séjour",
          "Justificatifs de revenus des trois derniers mois",
          "Contrat de location",
          "Nom, date de naissance et numéro de passeport de la personne invitée",
          "Frais : 29 euros (paiement par carte possible)",
        ],
      },
    },
  },
  {
    slug: "beratungsgespraech",
    walkInDayParts: "MORNING,AFTERNOON",
    durationMinutes: 20,
    extraPersonMinutes: 10,
    maxPersons: 3,
    texts: {
      de: {
        name: "Beratungsgespräch",
        description: "Allgemeine Beratung zu Aufenthalt, Einbürgerung und Familiennachzug.",
        documents: ["Gültiger Reisepass", "Aufenthaltstitel, falls vorhanden", "Unterlagen zu Ihrer Frage"],
      },
      en: {
        name: "Consultation",
        description: "General advice on residence, naturalisation and family reunification.",
        documents: ["Valid passport", "Residence title, if you have one", "Documents relating to your question"],
      },
      tr: {
        name: "Danışma görüşmesi",
        description: "Oturum, vatandaşlığa geçiş ve aile birleşimi konularında genel danışmanlık.",
        documents: ["Geçerli pasaport", "Varsa oturma izniniz", "Sorunuzla ilgili belgeler"],
      },
      uk: {
        name: "Консультація",
        description: "Загальна консультація з питань перебування, набуття громадянства та возз’єднання сім’ї.",
        documents: ["Дійсний закордонний паспорт", "Дозвіл на проживання, якщо є", "Документи, що стосуються вашого питання"],
      },
      ru: {
        name: "Консультация",
        description: "Общая консультация по вопросам пребывания, получения гражданства и воссоединения семьи.",
        documents: ["Действующий заграничный паспорт", "Вид на жительство, если есть", "Документы, касающиеся вашего вопроса"],
      },
      ar: {
        name: "استشارة",
        description: "استشارة عامة حول الإقامة والتجنّس ولمّ شمل الأسرة.",
        documents: ["جواز سفر ساري المفعول", "تصريح الإقامة، إن وُجد", "المستندات المتعلقة بسؤالكم"],
      },
      fa: {
        name: "جلسه مشاوره",
        description: "مشاوره عمومی درباره اقامت، اخذ تابعیت و پیوست خانواده.",
        documents: ["گذرنامه معتبر", "اجازه اقامت، در صورت داشتن", "مدارک مربوط به پرسش شما"],
      },
      fr: {
        name: "Entretien de conseil",
        description: "Conseil général sur le séjour, la naturalisation et le regroupement familial.",
        documents: ["Passeport en cours de validité", "Titre de séjour, si vous en avez un", "Documents concernant votre question"],
      },
    },
  },
];

/** The columns of a demo service's Service row: its German texts, documents one per line. */
export function serviceRow(service: DemoService) {
  const { texts, ...settings } = service;
  return { ...settings, ...germanColumns(texts) };
}

/** The German texts as a catalogue entry's columns (documents one per line). */
export function germanColumns(texts: Record<Locale, ServiceTexts>) {
  const german = texts[defaultLocale];
  return { name: german.name, description: german.description, documents: german.documents.join("\n") };
}

/** Its ServiceTranslation rows: every language of the site but German. */
export function translationRows(service: { texts: Record<Locale, ServiceTexts> }) {
  return locales
    .filter((locale) => locale !== defaultLocale)
    .map((locale) => {
      const t = service.texts[locale];
      return { locale, name: t.name, description: t.description, documents: t.documents.join("\n") };
    });
}
