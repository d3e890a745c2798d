import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { StaffListEntry } from "@/lib/schemas/staff-user";

const badge = "inline-flex items-center rounded border-2 px-2 py-0.5 text-sm font-semibold";

/** Active or locked, and where the invitation stands. */
export async function StaffStatus({ person }: { person: StaffListEntry }) {
  const t = await getTranslations("staffUsers");
  const format = await getFormatter();
  const labels: Array<{ text: string; className: string }> = [
    person.active
      ? { text: t("status.active"), className: "border-success text-success" }
      : { text: t("status.inactive"), className: "border-error text-error" },
  ];
  if (person.invite === "pending" && person.inviteExpiresAt) {
    const date = format.dateTime(person.inviteExpiresAt, {
      dateStyle: "medium",
      timeStyle: "short",
      timeZone: "Europe/Berlin",
    });
    labels.push({ text: t("status.pending", { date }), className: "border-brand text-brand" });
  } else if (person.invite === "expired") {
    labels.push({ text: t("status.expired"), className: "border-error text-error" });
  } else if (person.active && !person.hasPassword) {
    labels.push({ text: t("status.noPassword"), className: "border-muted text-muted" });
  }
  return (
    <ul className="flex flex-wrap gap-2" aria-label={t("fields.status")}>
      {labels.map((l) => (
        <li key={l.text} className={`${badge} ${l.className}`}>
          {l.text}
        </li>
      ))}
    </ul>
  );
}

/** Every account as a card: reads at 360 px as well as on a desk. */
export async function StaffList({ people, selfId }: { people: StaffListEntry[]; selfId: string }) {
  const t = await getTranslations("staffUsers");
  return (
    <ul aria-label={t("listLabel")} className="grid gap-4 lg:grid-cols-2">
      {people.map((person) => (
        <li
          key={person.id}
          id={`person-${person.id}`}
          className={`rounded border border-line bg-white p-4 ${person.active ? "" : "opacity-90"}`}
        >
          <h2 className="text-xl font-bold">
            {person.name}
            {person.id === selfId && <span className="ms-2 text-base font-normal text-muted">({t("you")})</span>}
          </h2>
          <p className="break-all">{person.email}</p>
          <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            <dt className="font-semibold">{t("fields.role")}</dt>
            <dd>{t(`roles.${person.role}`)}</dd>
            <dt className="font-semibold">{t("fields.offices")}</dt>
            <dd>{person.role === "ADMIN" ? t("allOffices") : person.offices.map((o) => o.name).join(", ") || "–"}</dd>
          </dl>
          <div className="mt-3">
            <StaffStatus person={person} />
          </div>
          <Link
            href={`/staff/verwaltung/personal/${person.id}`}
            aria-label={t("editLabel", { name: person.name })}
            className="mt-3 inline-flex min-h-11 items-center font-semibold text-brand underline"
          >
            {t("edit")}
          </Link>
        </li>
      ))}
    </ul>
  );
}
