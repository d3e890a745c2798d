import { siteLegalTextRoute } from "@/components/legal/legal-text-page";

const route = siteLegalTextRoute("IMPRINT");
export const generateMetadata = route.generateMetadata;
export default route.Page;
