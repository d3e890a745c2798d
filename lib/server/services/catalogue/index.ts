// The city's service catalogue: entries defined once (texts, translations, LeiKa key) and offered by offices.
export { listCatalogue, type CatalogueListEntry } from "./list-catalogue";
export { getCatalogueEntryForAdmin } from "./get-catalogue-entry";
export { createCatalogueEntry } from "./create-catalogue-entry";
export { updateCatalogueEntry } from "./update-catalogue-entry";
