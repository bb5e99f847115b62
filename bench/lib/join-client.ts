/**
 * One attendee's join, as a browser does it (and as bench/join-storm.ts times it): redeem the
 * invitation link (`POST /api/invitations/:token/redeem`, which sets the session cookie), connect
 * the socket with that cookie, ask for the plenary's LiveKit token. The socket stays connected.
 */
import type { Socket } from 'socket.io-client';
import { connectClient, httpPost } from './harness.ts';

export interface JoinTarget {
  url: string;
  link: string;
  slug: string;
  plenaryId: string;
}

/** ms per step and in all, from this process's clock. */
export interface JoinTimes {
  total: number;
  redeem: number;
  socket: number;
  token: number;
}

export async function joinAsBrowser(
  target: JoinTarget,
  displayName: string,
): Promise<{ socket: Socket; times: JoinTimes }> {
  const t0 = performance.now();
  const redeemed = await httpPost(`${target.url}/api/invitations/${target.link}/redeem`, {
    body: { displayName },
  });
  const session = redeemed.setCookie.find((c) => c.startsWith('plenum_session='));
  if (redeemed.status !== 200 || !session)
    throw new Error(`redeem: HTTP ${redeemed.status} ${redeemed.body}`);
  const cookie = session.split(';')[0]!;
  const t1 = performance.now();
  const socket = await connectClient(target.url, { cookie, slug: target.slug, timeoutMs: 30_000 });
  const t2 = performance.now();
  const token = await httpPost(`${target.url}/api/rooms/${target.plenaryId}/token`, { cookie });
  if (token.status !== 200 || !(JSON.parse(token.body) as { token?: string }).token) {
    socket.disconnect();
    throw new Error(`token: HTTP ${token.status} ${token.body}`);
  }
  const t3 = performance.now();
  return {
    socket,
    times: { total: t3 - t0, redeem: t1 - t0, socket: t2 - t1, token: t3 - t2 },
  };
}
