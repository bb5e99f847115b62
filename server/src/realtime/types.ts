import type { Server, Socket } from 'socket.io';
import type { FastifyBaseLogger } from 'fastify';
import type { ClientToServerEvents, Hand, Role, ServerToClientEvents } from '@plenum/shared';
import type { Db } from '../db/client.ts';
import type { FloodCooldown, RateLimit, RateLimiter } from './rate-limit.ts';
import type { InFlight } from './in-flight.ts';
import type { EndedSessions } from './recovery.ts';
import type { PresenceBroadcaster } from '../features/presence/broadcast.ts';
import type { SessionActivity } from '../features/sessions/service.ts';

/** What the handshake learned about a socket; restored with it after a recovered reconnect. */
export interface SocketData {
  personId: string;
  displayName: string;
  sessionId: string;
  /** When the handshake ran (ms); the oldest connections go first beyond the caps. */
  connectedAt: number;
  eventId: string;
  /**
   * The role in the event at the handshake (it changes only by a new session). Absent on a
   * connection recovered from a node that ran an older version (recovery skips the handshake).
   */
  role?: Role | null;
  plenaryId: string;
  /** Socket.IO rooms joined on a fresh connection (not on a recovered one). */
  initialRooms: string[];
  /** The cursor per open notes document (key), so that any node can list who writes there. */
  notes?: Record<string, { anchor: string | null; head: string | null; at: string }>;
}

/** Between nodes, through the adapter (serverSideEmit). */
interface InterServerEvents {
  /** A person's rights changed (logout, removal): sockets drop the actor they cached. */
  'rights:stale': (personId: string) => void;
  /** A session ended (logout): connections of it that arrive later are closed. */
  'session:ended': (sessionId: string) => void;
}

export type PlenumServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;
export type PlenumSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;

/** Called after a moderator took a hand; the LiveKit layer promotes the person here. */
export type HandTakenListener = (
  hand: Hand,
  context: { eventId: string; takenBy: string },
) => void | Promise<void>;

/** The socket layer's shared parts, handed to every feature's handlers. */
export interface Realtime {
  io: PlenumServer;
  db: Db;
  log: FastifyBaseLogger;
  /** Events of any kind per person, over all of their connections and nodes. */
  eventBudget: RateLimiter;
  /** Identical reads in flight share one query (presence lists, chat histories). */
  reads: InFlight;
  /** Chat messages, announcements and questions per person: 5 per 5 s by default. */
  messageLimiter: RateLimiter;
  /** The limit messageLimiter applies, for the sockets' own first check. */
  messageLimit: RateLimit;
  presence: PresenceBroadcaster;
  /** Socket events count as use of the session (its idle deadline moves on). */
  sessionActivity: SessionActivity;
  /** Sessions disconnected for flooding, refused in the handshake for a while. */
  floodCooldown: FloodCooldown;
  /**
   * Set when the node shuts down: its sockets leaving says nothing about people's presence, and
   * new events are refused as `unavailable` while the ones begun are answered.
   */
  closing: boolean;
  /** Work started by socket events that a closing node waits for (briefly). */
  pendingTasks: Set<Promise<unknown>>;
  handTakenListeners: Set<HandTakenListener>;
  /** Makes the sockets of a person on every node read their rights afresh. */
  forgetRightsOf(personId: string): void;
  /** Sessions ended lately, on any node (see EndedSessions). */
  endedSessions: EndedSessions;
  /** Tells every node that a session ended. */
  endSession(sessionId: string): void;
  /** Registers a listener for taken hands; returns the function that removes it. */
  onHandTaken(listener: HandTakenListener): () => void;
  /**
   * The room a person belongs in now other than the plenary (a working group while a phase is
   * open), or null for the plenary. The feature that knows sets it; the socket layer only asks.
   */
  placeOf: PlaceResolver;
  /** Handlers a feature plugin adds to every socket that connects, after the built-in ones. */
  socketHandlers: SocketHandlers[];
}

export type PlaceResolver = (eventId: string, personId: string) => Promise<string | null>;
export type SocketHandlers = (rt: Realtime, socket: PlenumSocket) => void;
