import { getTranslations } from "next-intl/server";

interface OfficeContact {
  name: string;
  authority: string;
  street: string;
  postalCode: string;
  locality: string;
  room: string | null;
  phone: string | null;
  email: string | null;
}

export async function OfficeAddress({ office }: { office: OfficeContact }) {
  const t = await getTranslations("booking.office");
  const tb = await getTranslations("booking");
  return (
    <div className="mb-6 grid gap-4 rounded border border-line bg-white p-4 sm:grid-cols-2">
      <div>
        <h2 className="font-bold">{t("address")}</h2>
        {/* German address lines stay in their own order on right-to-left pages ("66953 Pirmasens"). */}
        <address className="not-italic">
          <bdi>{office.authority}</bdi>
          <br />
          <bdi>{office.name}</bdi>
          <br />
          <bdi>{office.street}</bdi>
          <br />
          <bdi>
            {office.postalCode} {office.locality}
          </bdi>
          {office.room && (
            <>
              <br />
              <bdi>{tb("room", { room: office.room })}</bdi>
            </>
          )}
        </address>
      </div>
      {(office.phone || office.email) && (
        <div>
          <h2 className="font-bold">{t("contact")}</h2>
          {office.phone && (
            <p>
              {t("phone")}:{" "}
              <a className="text-brand underline" dir="ltr" href={`tel:${office.phone.replace(/[^+\d]/g, "")}`}>
                {office.phone}
              </a>
            </p>
          )}
          {office.email && (
            <p className="break-all">
              {t("email")}:{" "}
              <a className="text-brand underline" dir="ltr" href={`mailto:${office.email}`}>
                {office.email}
              </a>
            </p>
          )}
        </div>
      )}
    </div>
  );
}
