import { manageTokenSchema } from "@/lib/schemas/booking";
import { getDb } from "@/lib/server/db";
import { isAppError } from "@/lib/server/errors";
import { exportBookingData } from "@/lib/server/services/privacy/export-booking-data";

// The citizen's copy of what is stored about their booking, as a JSON download behind the manage link.
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const headers = { "Cache-Control": "no-store", "X-Robots-Tag": "noindex" };
  if (!manageTokenSchema.safeParse(token).success) return new Response("Not found", { status: 404, headers });
  try {
    const data = await exportBookingData(getDb(), token);
    return new Response(JSON.stringify(data, null, 2), {
      headers: {
        ...headers,
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="termin-${data.booking.referenceCode}.json"`,
      },
    });
  } catch (e) {
    if (isAppError(e)) return new Response("Not found", { status: 404, headers });
    throw e;
  }
}
