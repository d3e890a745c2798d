import { Fragment } from "react";
import { OfficeText } from "@/components/booking/office-address";

/**
 * Office names as a list in a sentence of the page's language ("Bürgerbüro Mitte und Bürgerbüro Nord", in Arabic
 * with its own conjunction), each name marked as German.
 */
export function OfficeListText({ names, pageLocale }: { names: string[]; pageLocale: string }) {
  const parts = new Intl.ListFormat(pageLocale, { type: "conjunction" }).formatToParts(names);
  let next = 0;
  return (
    <>
      {parts.map((part, i) =>
        part.type === "element" ? (
          <OfficeText key={i} pageLocale={pageLocale}>
            {names[next++]}
          </OfficeText>
        ) : (
          <Fragment key={i}>{part.value}</Fragment>
        ),
      )}
    </>
  );
}
