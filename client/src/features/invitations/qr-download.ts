import { qrModules, qrSvgFile } from './qr.ts';

/**
 * The invitation's QR code as files to print or put on a slide, made in the browser (no image
 * service sees the link): SVG as text, PNG drawn on a canvas, each handed over as a download.
 */

function download(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // After the click has started the download.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadQrSvg(text: string, fileName: string) {
  download(new Blob([qrSvgFile(text)], { type: 'image/svg+xml' }), `${fileName}.svg`);
}

export async function downloadQrPng(text: string, fileName: string, scale = 12, margin = 4) {
  const modules = qrModules(text);
  const size = (modules.length + 2 * margin) * scale;
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, size, size);
  ctx.fillStyle = '#000000';
  modules.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) ctx.fillRect((x + margin) * scale, (y + margin) * scale, scale, scale);
    }),
  );
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (blob) download(blob, `${fileName}.png`);
}

/** "einladung-moderation-ag-2": a file name from the link's role and label, safe everywhere. */
export function qrFileNameOf(role: string, label: string): string {
  const slug = `${role} ${label}`
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `einladung-${slug || 'link'}`;
}
