import { fold } from "./agenda";
import type { LocalDate } from "./types";

// Who a person is, for counting requests once per person (a release round counts duplicates by name and date of
// birth once): the same person typing "Müller, Zoë" once and "zoe  MUELLER" another time must give one key.

/**
 * One key per person: the name's words (given and family name together, in sorted order, so that swapped fields
 * count once), letters and digits only, and the date of birth. Meant to be hashed before it is stored.
 */
export function personIdentityKey(person: { givenName?: string | null; familyName: string; dateOfBirth: LocalDate }): string {
  const words = fold(`${person.givenName ?? ""} ${person.familyName}`)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .split(" ")
    .filter(Boolean)
    // "Müller" and "Mueller" are the same name written two ways.
    .map((w) => w.replace(/ue/g, "u").replace(/oe/g, "o").replace(/ae/g, "a"))
    .sort();
  return `${words.join(" ")}|${person.dateOfBirth}`;
}
