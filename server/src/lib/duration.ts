const unitMs = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** "30m", "12h", "7d" → milliseconds; null when the text is not such a duration. */
export function parseDuration(text: string): number | null {
  const match = /^(\d{1,4})([mhd])$/.exec(text.trim());
  if (!match) return null;
  const amount = Number(match[1]);
  return amount > 0 ? amount * unitMs[match[2] as keyof typeof unitMs] : null;
}
