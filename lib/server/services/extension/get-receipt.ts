import { manageTokenSchema } from "@/lib/schemas/booking";
import { type ReceiptStatement, receiptStatementSchema } from "@/lib/schemas/receipt";
import type { Db } from "@/lib/server/db/client";
import { receiptCode, verifyReceiptCode } from "@/lib/server/security/receipt-signing";
import { hashToken } from "@/lib/server/security/tokens";

export interface ReceiptView {
  statement: ReceiptStatement;
  /** The check code of the verification link (the signed statement). */
  code: string;
  withdrawn: boolean;
}

const CLOSED_BY_CITIZEN_OR_OFFICE = ["WITHDRAWN", "REMOVED"];

/** The receipt of the wish behind a manage token, or null (wrong token, erased wish, no receipt). */
export async function getReceiptByWishToken(db: Db, token: string): Promise<ReceiptView | null> {
  if (!manageTokenSchema.safeParse(token).success) return null;
  const wish = await db.wish.findUnique({
    where: { manageTokenHash: hashToken(token) },
    select: { status: true, erasedAt: true, receipt: true },
  });
  if (!wish || wish.erasedAt || !wish.receipt) return null;
  const statement = receiptStatementSchema.parse(JSON.parse(wish.receipt.payload));
  return {
    statement,
    code: receiptCode(wish.receipt),
    withdrawn: CLOSED_BY_CITIZEN_OR_OFFICE.includes(wish.status),
  };
}

export type ReceiptCheck = { genuine: false } | { genuine: true; statement: ReceiptStatement; withdrawn: boolean };

/**
 * The public check of a receipt's code: whether this server signed it, and then only what the statement itself
 * says, plus whether the request was withdrawn since (the one thing looked up, by the receipt's number).
 */
export async function checkReceiptCode(db: Db, code: unknown): Promise<ReceiptCheck> {
  const verified = verifyReceiptCode(code);
  if (!verified.genuine) return { genuine: false };
  const receipt = await db.extensionReceipt.findUnique({
    where: { number: verified.statement.number },
    select: { wish: { select: { status: true } } },
  });
  return {
    genuine: true,
    statement: verified.statement,
    withdrawn: receipt ? CLOSED_BY_CITIZEN_OR_OFFICE.includes(receipt.wish.status) : false,
  };
}
