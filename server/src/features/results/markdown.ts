import type { ResultsDocument } from './document.ts';

/** Markdown text taken literally: a question like "*Radwege* oder Tram?" stays as typed. */
const literal = (text: string) => text.replace(/([\\`*_[\]#<>|])/g, '\\$1');

/**
 * The results as Markdown: the phase, event and date, each group's notes as written (they are
 * Markdown already), then the phase's polls with their counts, as in the DOCX and the PDF.
 */
export function resultsMarkdown(doc: ResultsDocument): string {
  const head = `# ${literal(doc.phaseTitle)}\n\n${literal(doc.eventTitle)} · ${doc.date}\n`;
  const groups = doc.groups.map(
    (g) => `## ${literal(g.name)}\n\n${g.body.trim() || '_(keine Notizen)_'}\n`,
  );
  const polls =
    doc.polls.length === 0
      ? []
      : [
          '## Abstimmungen\n',
          ...doc.polls.map(
            (p) =>
              `### ${literal(p.question)}\n\n${p.lines.map((l) => `- ${literal(l)}`).join('\n')}\n`,
          ),
        ];
  return [head, ...groups, ...polls].join('\n');
}
