import { useParticipants } from '@livekit/components-react';
import { useEffect } from 'react';
import { liveMicrophones } from './live-microphones.ts';

/**
 * Inside the LiveKit room: tells the people list whose microphone is really on (published and
 * not muted), locally and remotely, as LiveKit's participant events change it.
 */
export function MicrophoneReport({ roomId }: { roomId: string }) {
  const participants = useParticipants();
  const on = participants
    .filter((p) => p.isMicrophoneEnabled)
    .map((p) => p.identity)
    .sort()
    .join('\n');
  useEffect(() => {
    liveMicrophones.report(roomId, on ? on.split('\n') : []);
  }, [roomId, on]);
  useEffect(() => () => liveMicrophones.forget(roomId), [roomId]);
  return null;
}
