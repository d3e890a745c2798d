import { getDb } from "@/lib/server/db";
import { getReceiptByWishToken } from "@/lib/server/services/extension/get-receipt";
import { receiptPdf } from "@/lib/server/services/extension/receipt-pdf";

// The receipt as a PDF (German, a standard font), behind the same manage token as its page.
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const headers = { "Cache-Control": "no-store", "X-Robots-Tag": "noindex" };
  const receipt = await getReceiptByWishToken(getDb(), token);
  if (!receipt) return new Response("Not found", { status: 404, headers });
  const pdf = await receiptPdf(receipt.statement, receipt.code);
  return new Response(new Uint8Array(pdf), {
    headers: {
      ...headers,
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="quittung-${receipt.statement.number}.pdf"`,
    },
  });
}
