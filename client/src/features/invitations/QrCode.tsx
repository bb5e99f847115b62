import { useMemo } from 'react';
import { qrShape } from './qr.ts';

/** A QR code drawn here as SVG; dark on white in every colour scheme, as scanners need. */
export function QrCode({ text, label }: { text: string; label: string }) {
  const shape = useMemo(() => qrShape(text), [text]);
  return (
    <svg
      className="qr-code"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${shape.size} ${shape.size}`}
      width={shape.size * 6}
      height={shape.size * 6}
      shapeRendering="crispEdges"
    >
      <rect width={shape.size} height={shape.size} fill="#ffffff" />
      <path d={shape.path} fill="#000000" />
    </svg>
  );
}
