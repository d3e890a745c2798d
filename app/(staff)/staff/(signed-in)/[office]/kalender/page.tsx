import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { forbidden, notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CapacityView } from "@/components/staff/capacity/capacity-view";
import { currentStaff } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db";
import { isAppError } from "@/lib/server/errors";
import type { CapacityPlan } from "@/lib/schemas/capacity";
import { getCapacityPlan } from "@/lib/server/services/capacity";
import * as actions from "./actions";

// Opening hours and clerk capacity of one office: what is saved here is what citizens can book a moment later.

type Params = { params: Promise<{ office: string }> };

async function load(slug: string): Promise<CapacityPlan> {
  const staff = await currentStaff();
  // The signed-in layout redirects to the login; this only keeps the page safe on its own.
  if (!staff) forbidden();
  try {
    return await getCapacityPlan(getDb(), staff, { officeSlug: slug }, new Date());
  } catch (e) {
    if (isAppError(e) && e.code === "OFFICE_NOT_FOUND") notFound();
    if (isAppError(e) && e.code === "FORBIDDEN") forbidden();
    throw e;
  }
}

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("capacity");
  return { title: t("title") };
}

export default async function CapacityPage({ params }: Params) {
  const { office } = await params;
  const t = await getTranslations("capacity");
  const plan = await load(office);
  return (
    <div className="space-y-6">
      <p>
        <Link href="/staff" className="inline-flex min-h-11 items-center text-brand underline">
          {t("back")}
        </Link>
      </p>
      <CapacityView
        plan={plan}
        actions={{
          createBlock: actions.createBlockAction,
          updateBlock: actions.updateBlockAction,
          deleteBlock: actions.deleteBlockAction,
          createOverride: actions.createOverrideAction,
          updateOverride: actions.updateOverrideAction,
          deleteOverride: actions.deleteOverrideAction,
          createClosure: actions.createClosureAction,
          deleteClosure: actions.deleteClosureAction,
          openHoliday: actions.openHolidayAction,
          closeHoliday: actions.closeHolidayAction,
        }}
      />
    </div>
  );
}
