// Administration of offices and their services; every use case checks the actor against the record's own office.
export { listAdministeredOffices, departmentNames, type AdministeredOffice } from "./list-offices";
export { getOfficeForAdmin, type OfficeForAdmin } from "./get-office";
export { createOffice } from "./create-office";
export { updateOffice } from "./update-office";
export { setOfficeActive } from "./set-office-active";
export { getServiceForAdmin } from "./get-service";
export { createService } from "./create-service";
export { updateService } from "./update-service";
export { moveService } from "./move-service";
export { setServiceActive } from "./set-service-active";
export { groupByDepartment } from "./departments";
export { offerService } from "./offer-service";
export { relinkService } from "./relink-service";
export { catalogueChoicesFor, type CatalogueChoice } from "./catalogue-choices";
