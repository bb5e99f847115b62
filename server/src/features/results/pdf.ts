import { PDFDocument, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import { noteBlocks, type ResultsDocument } from './document.ts';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const WIDTH = A4[0] - 2 * MARGIN;

/**
 * The results as a PDF. The standard Helvetica needs no embedded font file and no request to
 * anyone; it writes WinAnsi, which has the German letters (Ä, ö, ß, „“). What it lacks (emoji,
 * arrows) becomes "?", rather than failing the export.
 */
export async function resultsPdf(doc: ResultsDocument): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`${doc.eventTitle} – ${doc.phaseTitle}`);
  pdf.setCreator('Plenum');
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const writer = new PageWriter(pdf, regular);

  writer.text(doc.phaseTitle, { font: bold, size: 20 });
  writer.text(doc.eventTitle, { font: bold, size: 12 });
  writer.text(doc.date, { size: 11, after: 12 });
  for (const group of doc.groups) {
    writer.text(group.name, { font: bold, size: 15, before: 10 });
    const blocks = noteBlocks(group.body);
    if (blocks.length === 0) writer.text('(keine Notizen)', { size: 11 });
    for (const block of blocks) {
      if (block.kind === 'heading') writer.text(block.text, { font: bold, size: 12, before: 4 });
      else if (block.kind === 'bullet') writer.text(block.text, { size: 11, bullet: true });
      else writer.text(block.text, { size: 11, after: 4 });
    }
  }
  if (doc.polls.length > 0) {
    writer.text('Abstimmungen', { font: bold, size: 15, before: 10 });
    for (const poll of doc.polls) {
      writer.text(poll.question, { font: bold, size: 12, before: 4 });
      for (const line of poll.lines) writer.text(line, { size: 11, bullet: true });
    }
  }
  return pdf.save();
}

interface TextOptions {
  font?: PDFFont;
  size: number;
  bullet?: boolean;
  before?: number;
  after?: number;
}

/** Writes wrapped lines top to bottom and starts a new page when one is full. */
class PageWriter {
  private page: PDFPage;
  private y: number;
  private readonly encodable: Set<number>;

  constructor(
    private readonly pdf: PDFDocument,
    private readonly font: PDFFont,
  ) {
    this.page = pdf.addPage(A4);
    this.y = A4[1] - MARGIN;
    this.encodable = new Set(font.getCharacterSet());
  }

  text(raw: string, opts: TextOptions) {
    const font = opts.font ?? this.font;
    const indent = opts.bullet ? 14 : 0;
    const lineHeight = opts.size * 1.35;
    this.y -= opts.before ?? 0;
    const lines = this.wrap(this.encode(raw), font, opts.size, WIDTH - indent);
    lines.forEach((line, i) => {
      if (this.y - lineHeight < MARGIN) {
        this.page = this.pdf.addPage(A4);
        this.y = A4[1] - MARGIN;
      }
      this.y -= lineHeight;
      if (opts.bullet && i === 0) {
        this.page.drawText('•', { x: MARGIN + 2, y: this.y, size: opts.size, font });
      }
      this.page.drawText(line, { x: MARGIN + indent, y: this.y, size: opts.size, font });
    });
    this.y -= opts.after ?? 2;
  }

  /** Characters Helvetica cannot write become "?"; tabs and the like become spaces. */
  private encode(text: string) {
    return [...text.replace(/\s/g, ' ')]
      .map((ch) => (this.encodable.has(ch.codePointAt(0)!) ? ch : '?'))
      .join('');
  }

  private wrap(text: string, font: PDFFont, size: number, width: number): string[] {
    const lines: string[] = [];
    let line = '';
    for (const word of text.split(' ')) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      // A word wider than the line (a long link) is cut where it must be.
      let rest = word;
      while (font.widthOfTextAtSize(rest, size) > width && rest.length > 1) {
        let cut = rest.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut--;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    if (line || lines.length === 0) lines.push(line);
    return lines;
  }
}
