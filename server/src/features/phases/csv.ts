/**
 * Pre-assignment lists come from spreadsheets: UTF-8 or Windows-1252 (Excel's German default),
 * separated by semicolons or commas, with a header row.
 */
export function decodeSpreadsheetText(bytes: Uint8Array): string {
  const text = (() => {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return new TextDecoder('windows-1252').decode(bytes);
    }
  })();
  return text.replace(/^\uFEFF/, '');
}

/** RFC 4180 parsing with quotes; the separator is guessed from the header line. */
export function parseCsv(text: string): string[][] {
  return parseCsvRows(text).map((row) => row.cells);
}

/** The rows with the line each starts on, so that a report names the line a person sees. */
function parseCsvRows(text: string): { cells: string[]; line: number }[] {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const separator =
    (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: { cells: string[]; line: number }[] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        field += c;
        if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
      }
    } else if (c === '"' && field === '') quoted = true;
    else if (c === separator) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push({ cells: row, line: rowLine });
      rowLine = ++line;
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push({ cells: row, line: rowLine });
  }
  return rows.filter((r) => r.cells.some((f) => f.trim() !== ''));
}

export interface PreassignmentRow {
  line: number;
  name: string;
  email: string;
  group: string;
}

const headerNames = {
  name: ['name', 'anzeigename', 'display name', 'displayname', 'teilnehmer', 'teilnehmerin'],
  email: ['email', 'e-mail', 'mail'],
  group: ['group', 'gruppe', 'arbeitsgruppe', 'ag', 'working group', 'raum', 'room'],
};

/** Reads the rows of a pre-assignment list; throws with a clear message when columns are missing. */
export function readPreassignments(text: string): PreassignmentRow[] {
  const [headerRow, ...rows] = parseCsvRows(text);
  if (!headerRow) throw new Error('The file is empty.');
  const header = headerRow.cells;
  const normalized = header.map((h) => h.trim().toLowerCase());
  const column = (names: string[]) => normalized.findIndex((h) => names.includes(h));
  const idx = {
    name: column(headerNames.name),
    email: column(headerNames.email),
    group: column(headerNames.group),
  };
  if (idx.group < 0 || (idx.name < 0 && idx.email < 0)) {
    throw new Error(
      'The first row must name the columns: "Arbeitsgruppe" (or "group") and "Name" and/or "E-Mail".',
    );
  }
  return rows.map(({ cells, line }) => ({
    line,
    name: idx.name >= 0 ? (cells[idx.name] ?? '').trim() : '',
    email: idx.email >= 0 ? (cells[idx.email] ?? '').trim().toLowerCase() : '',
    group: (cells[idx.group] ?? '').trim(),
  }));
}
