// The catalogue's forms are administration forms like the offices': the same texts for their client components.
export { default } from "../behoerden/layout";
