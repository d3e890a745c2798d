import createMiddleware from "next-intl/middleware";
import { routing } from "./lib/i18n/routing";

export default createMiddleware(routing);

export const config = {
  // Public pages only: API routes, Next's assets and files with an extension are served as they are.
  matcher: ["/((?!api|_next|_vercel|staff|admin|.*\\..*).*)"],
};
