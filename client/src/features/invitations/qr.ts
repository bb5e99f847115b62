import qrcode from 'qrcode-generator';

/**
 * A QR code for an invitation link, made here in the browser: no image service ever sees the
 * link. The result is an SVG path of the dark modules (runs merged per row), ready to render.
 */

export interface QrShape {
  /** Width and height in modules, quiet zone included. */
  size: number;
  path: string;
}

/** The library encodes each char code as a byte; UTF-8 bytes as char codes make that correct. */
function utf8AsBytes(text: string): string {
  return String.fromCharCode(...new TextEncoder().encode(text));
}

export function qrModules(text: string): boolean[][] {
  // 'M' recovers from ~15 % damage: a printed link on a handout still scans.
  const code = qrcode(0, 'M');
  code.addData(utf8AsBytes(text), 'Byte');
  code.make();
  const count = code.getModuleCount();
  return Array.from({ length: count }, (_, row) =>
    Array.from({ length: count }, (_, col) => code.isDark(row, col)),
  );
}

/** The quiet zone of 4 modules is what the standard asks for around a code. */
export function qrShape(text: string, margin = 4): QrShape {
  const modules = qrModules(text);
  const parts: string[] = [];
  modules.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < row.length && row[x]) x++;
      parts.push(`M${start + margin} ${y + margin}h${x - start}v1h-${x - start}z`);
    }
  });
  return { size: modules.length + 2 * margin, path: parts.join('') };
}

/** The code as a standalone SVG file: dark on white, crisp at any size. */
export function qrSvgFile(text: string, scale = 8): string {
  const { size, path } = qrShape(text);
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" ` +
    `width="${size * scale}" height="${size * scale}" shape-rendering="crispEdges">` +
    `<rect width="${size}" height="${size}" fill="#ffffff"/>` +
    `<path d="${path}" fill="#000000"/></svg>\n`
  );
}
