import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { noteBlocks, type ResultsDocument } from './document.ts';

const NO_NOTES = '(keine Notizen)';

/** The results as a Word document: title, date, one section per group, then the phase's polls. */
export async function resultsDocx(doc: ResultsDocument): Promise<Buffer> {
  const children: Paragraph[] = [
    new Paragraph({ text: doc.phaseTitle, heading: HeadingLevel.TITLE }),
    new Paragraph({ children: [new TextRun({ text: doc.eventTitle, bold: true })] }),
    new Paragraph({ text: doc.date }),
  ];
  for (const group of doc.groups) {
    children.push(new Paragraph({ text: group.name, heading: HeadingLevel.HEADING_1 }));
    const blocks = noteBlocks(group.body);
    if (blocks.length === 0) {
      children.push(new Paragraph({ children: [new TextRun({ text: NO_NOTES, italics: true })] }));
    }
    for (const block of blocks) {
      if (block.kind === 'heading') {
        children.push(new Paragraph({ text: block.text, heading: HeadingLevel.HEADING_2 }));
      } else if (block.kind === 'bullet') {
        children.push(new Paragraph({ text: block.text, bullet: { level: 0 } }));
      } else children.push(new Paragraph({ text: block.text }));
    }
  }
  if (doc.polls.length > 0) {
    children.push(new Paragraph({ text: 'Abstimmungen', heading: HeadingLevel.HEADING_1 }));
    for (const poll of doc.polls) {
      children.push(new Paragraph({ text: poll.question, heading: HeadingLevel.HEADING_2 }));
      for (const line of poll.lines) {
        children.push(new Paragraph({ text: line, bullet: { level: 0 } }));
      }
    }
  }
  const document = new Document({
    creator: 'Plenum',
    title: `${doc.eventTitle} – ${doc.phaseTitle}`,
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}
