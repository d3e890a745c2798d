import { toCsv } from "@/lib/server/services/evaluation/export";

// The CSV of the evaluation opens in German Excel as it is: BOM, semicolons, decimal commas, quoted text, and no
// cell that a spreadsheet would run as a formula.

describe("evaluation CSV", () => {
  it("starts with a byte order mark and separates fields with semicolons and lines with CRLF", () => {
    expect(toCsv([["Kennzahl", "Wert"], ["Auslastung", 0.16666666]])).toBe("\uFEFFKennzahl;Wert\r\nAuslastung;0,1667\r\n");
  });

  it("writes whole numbers plainly, missing values empty, and quotes text with separators or quotes", () => {
    expect(toCsv([[7, null, "Beratung; Termin", 'Der "Pass"', "Zeile\nzwei"]])).toBe(
      '\uFEFF7;;"Beratung; Termin";"Der ""Pass""";"Zeile\nzwei"\r\n',
    );
  });

  it("defuses text a spreadsheet would take for a formula", () => {
    expect(toCsv([["=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)"]])).toBe('\uFEFF"\'=HYPERLINK(""x"")";\'+1;\'-2;\'@SUM(A1)\r\n');
    // Negative numbers are numbers, not text.
    expect(toCsv([[-2.5, -3]])).toBe("\uFEFF-2,5;-3\r\n");
  });
});
