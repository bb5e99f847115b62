import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { useRealtime, useResync, useServerEvent } from '../realtime/RealtimeContext.tsx';
import { captionsApi } from './captions-api.ts';
import { CaptionPacer } from './caption-pacing.ts';
import {
  applyCaption,
  emptyCaptions,
  loadCaptionPrefs,
  saveCaptionPrefs,
  type CaptionPrefs,
  type CaptionsState,
} from './captions.ts';
import type { CaptionLine } from '@plenum/shared';

const storage = () => (typeof localStorage === 'undefined' ? null : localStorage);

type Action = { type: 'line'; line: CaptionLine } | { type: 'room'; roomId: string };
const reduce = (state: CaptionsState, action: Action): CaptionsState =>
  action.type === 'room' ? emptyCaptions(action.roomId) : applyCaption(state, action.line);

/** The room's caption stream and the viewer's choices (on or off, size). */
export function useCaptions(roomId: string) {
  const [state, dispatch] = useReducer(reduce, roomId, emptyCaptions);
  const [prefs, setPrefsState] = useState(() => loadCaptionPrefs(storage()));

  useEffect(() => dispatch({ type: 'room', roomId }), [roomId]);
  useServerEvent('caption:line', (line) => dispatch({ type: 'line', line }));

  const setPrefs = useCallback((change: Partial<CaptionPrefs>) => {
    setPrefsState((current) => {
      const next = { ...current, ...change };
      saveCaptionPrefs(storage(), next);
      return next;
    });
  }, []);

  return { state, prefs, setPrefs };
}

/** Whether the event keeps a transcript, kept current by `caption:transcript`. */
export function useTranscriptState(slug: string) {
  const [enabled, setEnabled] = useState<boolean | null>(null);
  const load = useCallback(() => {
    captionsApi.transcript(slug).then(
      (s) => setEnabled(s.enabled),
      () => setEnabled(null),
    );
  }, [slug]);
  useEffect(load, [load]);
  useResync(load);
  useServerEvent('caption:transcript', (s) => setEnabled(s.enabled));
  return { enabled, setEnabled };
}

/** Sends what the captioner types: interim lines paced by CaptionPacer, the final one at once. */
export function useCaptionWriter(roomId: string) {
  const realtime = useRealtime();
  const room = useRef(roomId);
  const [pacer] = useState(
    // eslint-disable-next-line react-hooks/refs -- the pacer reads the room later, from a timer, never during render
    () =>
      new CaptionPacer((text) => {
        // A lost interim is replaced by the next one or by the final line.
        realtime
          .request('caption:write', { roomId: room.current, text, final: false })
          .catch(() => {});
      }),
  );
  useEffect(() => {
    room.current = roomId;
    return () => pacer.cancel();
  }, [pacer, roomId]);

  const typed = useCallback((text: string) => pacer.typed(text), [pacer]);
  const commit = useCallback(
    async (text: string) => {
      pacer.cancel();
      await realtime.request('caption:write', { roomId, text, final: true });
    },
    [pacer, realtime, roomId],
  );
  return { typed, commit };
}
