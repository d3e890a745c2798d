import { AppError } from "@/lib/server/errors";

/** "OK" when the service call succeeds, else the code of the AppError it refused with; other errors are thrown on. */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
}
