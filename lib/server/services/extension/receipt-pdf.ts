import { PDFDocument, type PDFFont, rgb, StandardFonts } from "pdf-lib";
import type { ReceiptStatement } from "@/lib/schemas/receipt";
import { receiptCheckUrl, receiptQrModules } from "./receipt-urls";

// The receipt as a PDF for printing or sending on. A standard font needs no font file but encodes only Latin text
// (WinAnsi), so the PDF is in German and a character it cannot show becomes "?"; the receipt page shows every
// language and script. The PDF carries the same signed statement (QR code and check code) as the page.

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 56;

const dateFormat = (timeZone?: string) =>
  new Intl.DateTimeFormat("de-DE", { day: "2-digit", month: "2-digit", year: "numeric", ...(timeZone ? { timeZone } : { timeZone: "UTC" }) });

/** A "YYYY-MM-DD" date as "31.12.2026". */
function germanDate(date: string): string {
  return dateFormat().format(new Date(`${date}T12:00:00Z`));
}

/** What the font can encode of `text`; anything else becomes "?". */
function encodable(font: PDFFont, text: string): string {
  return [...text]
    .map((c) => {
      try {
        font.encodeText(c);
        return c;
      } catch {
        return "?";
      }
    })
    .join("");
}

/** Words to lines no wider than `width`; long words (the check code) are broken anywhere. */
function wrap(font: PDFFont, size: number, text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(" ")) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = "";
      let rest = word;
      while (font.widthOfTextAtSize(rest, size) > width) {
        let cut = rest.length;
        while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut--;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

export async function receiptPdf(statement: ReceiptStatement, code: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Quittung ${statement.number}`);
  pdf.setLanguage("de-DE");
  pdf.setCreator("Terminvergabe");
  const page = pdf.addPage([A4.width, A4.height]);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const mono = await pdf.embedFont(StandardFonts.Courier);
  const width = A4.width - 2 * MARGIN;
  let y = A4.height - MARGIN;

  const write = (text: string, opts: { font?: PDFFont; size?: number; gap?: number; maxWidth?: number } = {}) => {
    const font = opts.font ?? regular;
    const size = opts.size ?? 11;
    for (const line of wrap(font, size, encodable(font, text), opts.maxWidth ?? width)) {
      y -= size * 1.35;
      page.drawText(line, { x: MARGIN, y, size, font, color: rgb(0, 0, 0) });
    }
    y -= opts.gap ?? 4;
  };

  write("Quittung über einen Antrag auf Verlängerung des Aufenthaltstitels", { font: bold, size: 16, gap: 10 });
  write("Die Behörde hat den Antrag zu diesem Zeitpunkt erhalten.", { gap: 12 });
  const filed = new Date(statement.filedAt);
  const time = new Intl.DateTimeFormat("de-DE", { hour: "2-digit", minute: "2-digit", timeZone: statement.timeZone }).format(filed);
  const rows: Array<[string, string | null]> = [
    ["Quittungsnummer", statement.number],
    ["Eingegangen am", `${dateFormat(statement.timeZone).format(filed)}, ${time} Uhr`],
    ["Behörde", `${statement.office}, ${statement.authority}`],
    ["Anliegen", statement.service],
    ["Name", [statement.givenName, statement.familyName].filter(Boolean).join(" ")],
    ["Geburtsdatum", statement.dateOfBirth && germanDate(statement.dateOfBirth)],
    ["Aufenthaltstitel gültig bis", statement.permitExpiresOn && germanDate(statement.permitExpiresOn)],
  ];
  for (const [label, value] of rows) {
    if (!value) continue;
    write(label, { font: bold, size: 10, gap: 0 });
    write(value, { gap: 8 });
  }
  y -= 6;
  write("Was die Behörde dazu sagt", { font: bold, size: 12, gap: 2 });
  write(
    statement.note ??
      "Die Behörde hat keinen Text für diese Quittung hinterlegt. Ob die Quittung eine rechtliche Wirkung hat, entscheidet die Behörde.",
    { gap: 14 },
  );

  // The QR code of the check link, drawn module by module (no image library needed).
  const modules = receiptQrModules(code);
  const cell = Math.min(3, 150 / modules.length);
  const qrSize = cell * modules.length;
  const top = y;
  modules.forEach((row, r) =>
    row.forEach((dark, c) => {
      if (dark) page.drawRectangle({ x: MARGIN + c * cell, y: top - (r + 1) * cell, width: cell, height: cell, color: rgb(0, 0, 0) });
    }),
  );
  const textX = MARGIN + qrSize + 16;
  const textWidth = width - qrSize - 16;
  const hint = wrap(regular, 10, `Ob diese Quittung echt ist, zeigt der QR-Code oder der Prüfcode auf ${receiptCheckUrl()}.`, textWidth);
  let ty = top;
  for (const line of hint) {
    ty -= 13.5;
    page.drawText(line, { x: textX, y: ty, size: 10, font: regular });
  }
  y = Math.min(top - qrSize, ty) - 10;
  write("Prüfcode", { font: bold, size: 10, gap: 0 });
  write(code, { font: mono, size: 7 });
  return pdf.save();
}
