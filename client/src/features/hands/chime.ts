/**
 * A short two-note chime from the browser itself (no file, no request): played for a new hand
 * when the moderator switched the sound on.
 */
export function playChime() {
  const Context = globalThis.AudioContext;
  if (!Context) return;
  const audio = new Context();
  const start = audio.currentTime;
  for (const [i, frequency] of [660, 880].entries()) {
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, start + i * 0.15);
    gain.gain.exponentialRampToValueAtTime(0.2, start + i * 0.15 + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + i * 0.15 + 0.14);
    tone.connect(gain).connect(audio.destination);
    tone.start(start + i * 0.15);
    tone.stop(start + i * 0.15 + 0.15);
  }
  setTimeout(() => void audio.close(), 600);
}
