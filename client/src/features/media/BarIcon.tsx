/** Line icons for the control bar; decorative, the button's text names it. */
const paths = {
  microphone: 'M9 5a3 3 0 0 1 6 0v6a3 3 0 0 1-6 0zM5 11a7 7 0 0 0 14 0M12 18v4M8 22h8',
  camera:
    'M4 6h10a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2zM16 10l6-4v12l-6-4',
  screen:
    'M4 3h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zM8 21h8M12 17v4M12 13V7M9 10l3-3 3 3',
  hand: 'M7 11V5.5a1.5 1.5 0 0 1 3 0V10M10 10V3.5a1.5 1.5 0 0 1 3 0V10M13 10V4.5a1.5 1.5 0 0 1 3 0V11M16 11V7.5a1.5 1.5 0 0 1 3 0V14a8 8 0 0 1-8 8h-.5a7 7 0 0 1-5.6-2.8L2.6 15.4a1.5 1.5 0 0 1 2.3-1.9L7 16v-5',
  leave: 'M9 21H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h4M16 17l5-5-5-5M21 12H9',
  more: 'M5 12h.01M12 12h.01M19 12h.01',
} as const;

export type BarIconName = keyof typeof paths;

/** `off` strikes the icon through: the switch is off. */
export function BarIcon({ name, off = false }: { name: BarIconName; off?: boolean }) {
  return (
    <svg
      className="bar-icon"
      viewBox="0 0 24 24"
      width="24"
      height="24"
      fill="none"
      stroke="currentColor"
      strokeWidth={name === 'more' ? 3.5 : 2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={paths[name]} />
      {off && <path d="M3 3l18 18" />}
    </svg>
  );
}
