import { jsonResponse } from "@/lib/server/api/errors";
import { apiRoute, otherMethods } from "@/lib/server/api/handler";
import { parseQuery } from "@/lib/server/api/params";
import { type ReceiptCheckResource, receiptCheckQuerySchema } from "@/lib/server/api/schemas";
import { apiDb } from "@/lib/server/api/runtime";
import { checkReceiptCode } from "@/lib/server/services/extension/get-receipt";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * The public check of an extension receipt, as its verification page does it: the signature's verdict and the signed
 * statement itself, nothing looked up beyond whether the request was withdrawn since.
 */
export const GET = apiRoute("receipts.verify", async (request) => {
  const { code } = parseQuery(request, receiptCheckQuerySchema);
  // A code copied out of a printout may carry spaces or line breaks.
  const checked = await checkReceiptCode(apiDb(), code.replace(/\s+/g, ""));
  const answer: ReceiptCheckResource = checked.genuine
    ? { genuine: true, statement: checked.statement, withdrawn: checked.withdrawn }
    : { genuine: false };
  return jsonResponse(answer);
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
