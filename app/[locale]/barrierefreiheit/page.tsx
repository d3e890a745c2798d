import { siteLegalTextRoute } from "@/components/legal/legal-text-page";

const route = siteLegalTextRoute("ACCESSIBILITY");
export const generateMetadata = route.generateMetadata;
export default route.Page;
