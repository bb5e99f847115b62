import {
  createContext,
  useContext,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import type { ServerToClientEvents } from '@plenum/shared';
import { connectRealtime, type ConnectionState, type Realtime } from '../../lib/socket.ts';

const RealtimeContext = createContext<Realtime | null>(null);

/** Opens the event's socket for as long as the event page is shown. */
export function RealtimeProvider({ slug, children }: { slug: string; children: ReactNode }) {
  const [realtime, setRealtime] = useState<Realtime | null>(null);
  useEffect(() => {
    const connection = connectRealtime({ slug });
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the connection is made in the effect so that its cleanup closes it
    setRealtime(connection);
    return () => connection.close();
  }, [slug]);
  if (!realtime) return null;
  return <RealtimeContext value={realtime}>{children}</RealtimeContext>;
}

export function useRealtime(): Realtime {
  const realtime = useContext(RealtimeContext);
  if (!realtime) throw new Error('useRealtime outside RealtimeProvider');
  return realtime;
}

export function useConnectionState(): ConnectionState {
  const realtime = useRealtime();
  return useSyncExternalStore(realtime.subscribe, realtime.getState);
}

/** Listens to a server event with the latest handler, without resubscribing on every render. */
export function useServerEvent<E extends keyof ServerToClientEvents>(
  event: E,
  handler: ServerToClientEvents[E],
) {
  const realtime = useRealtime();
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    const forward = ((...args: unknown[]) =>
      (latest.current as (...a: unknown[]) => void)(...args)) as ServerToClientEvents[E];
    return realtime.on(event, forward);
  }, [realtime, event]);
}

/** Runs `reload` after a reconnect that lost the session, so lists show the server's state. */
export function useResync(reload: () => void) {
  const realtime = useRealtime();
  const latest = useRef(reload);
  useEffect(() => {
    latest.current = reload;
  });
  useEffect(() => realtime.onResync(() => latest.current()), [realtime]);
}
