import { describe, expect, it } from 'vitest';
import {
  can,
  eventActions,
  mayActOnPerson,
  roomActions,
  rolesThatMay,
  type Actor,
  type RoomTarget,
} from './permissions.ts';
import { outranks, roles, type Role } from './roles.ts';

const eventId = 'e1';
const plenary: RoomTarget = { eventId, roomId: 'plenary', kind: 'plenary' };
const groupA: RoomTarget = { eventId, roomId: 'group-a', kind: 'working_group' };
const groupB: RoomTarget = { eventId, roomId: 'group-b', kind: 'working_group' };

const actor = (role: Role | null, moderated: string[] = []): Actor => ({
  personId: 'p1',
  eventId,
  role,
  moderatedRoomIds: new Set(moderated),
});

// The expected matrix, written out independently of the implementation's table.
const O = 'organizer',
  M = 'moderator',
  S = 'speaker',
  A = 'attendee',
  C = 'captioner';
const expectedEvent: Record<string, Role[]> = {
  'event.view': [O, M, S, C, A],
  'event.edit': [O],
  'room.manage': [O],
  'invitation.manage': [O],
  'agenda.manage': [O],
  'schedule.run': [O],
  'phase.run': [O],
  'assignment.move': [O],
  'announcement.broadcast': [O],
  'audit.read': [O],
  'attendance.read': [O],
  'privacy.manage': [O],
  'room.visitAny': [O, M, C],
  'help.read': [O, M],
  'event.create': [O],
  'event.own': [O],
  'room.steerAny': [O],
  'room.moderate': [O, M],
  'plenary.present': [O, M, S],
  'phase.participate': [S, A],
  'room.contribute': [O, M, S, A],
  'caption.transcript': [O],
  'poll.runEventWide': [O, M],
  'results.present': [O, M],
  'stage.interpreter': [O],
  'stage.featured': [S],
  'presence.toEveryone': [O, M, S, C],
};
const everyone: Role[] = [O, M, S, A];
const staff: Role[] = [O, M];
const expectedRoom: Record<string, Role[]> = {
  'chat.send': [O, M, S, C, A],
  'hand.raise': everyone,
  'question.ask': everyone,
  'chat.moderate': staff,
  'chat.lock': [O],
  'hand.take': staff,
  'participant.promote': staff,
  'participant.mute': staff,
  'participant.remove': staff,
  'question.moderate': staff,
  'notes.moderate': staff,
  'help.resolve': staff,
  'reaction.send': everyone,
  'caption.write': [C],
  'poll.run': staff,
  'poll.vote': everyone,
  'stage.spotlight': staff,
};

describe('authorization matrix', () => {
  it('lists exactly the actions the expected table lists', () => {
    expect(Object.keys(eventActions).sort()).toEqual(Object.keys(expectedEvent).sort());
    expect(Object.keys(roomActions).sort()).toEqual(Object.keys(expectedRoom).sort());
  });

  for (const [action, allowed] of Object.entries(expectedEvent)) {
    for (const role of roles) {
      const verdict = allowed.includes(role);
      it(`${role} ${verdict ? 'may' : 'may not'} ${action}`, () => {
        expect(can(actor(role), action as keyof typeof eventActions, { eventId })).toBe(verdict);
        // The same answer when only the role is known (media defaults, token grants).
        expect(can(role, action as keyof typeof eventActions)).toBe(verdict);
      });
    }
  }

  for (const [action, allowed] of Object.entries(expectedRoom)) {
    for (const role of roles) {
      const verdict = allowed.includes(role);
      it(`${role} ${verdict ? 'may' : 'may not'} ${action} in the plenary`, () => {
        expect(can(actor(role), action as keyof typeof roomActions, plenary)).toBe(verdict);
      });
    }
  }

  it('a moderator steers only the working groups they moderate', () => {
    const mod = actor('moderator', ['group-a']);
    expect(can(mod, 'participant.remove', groupA)).toBe(true);
    expect(can(mod, 'participant.remove', groupB)).toBe(false);
    expect(can(mod, 'chat.moderate', groupB)).toBe(false);
    expect(can(mod, 'chat.send', groupB)).toBe(true);
  });

  it('a moderator handles help requests of their own groups only', () => {
    const mod = actor('moderator', ['group-a']);
    expect(can(mod, 'help.resolve', groupA)).toBe(true);
    expect(can(mod, 'help.resolve', groupB)).toBe(false);
    expect(can(actor('organizer'), 'help.resolve', groupB)).toBe(true);
  });

  it('a moderator runs polls in the plenary and their own groups; anyone there votes', () => {
    const mod = actor('moderator', ['group-a']);
    expect(can(mod, 'poll.run', plenary) && can(mod, 'poll.run', groupA)).toBe(true);
    expect(can(mod, 'poll.run', groupB)).toBe(false);
    expect(can(actor('attendee'), 'poll.vote', groupB)).toBe(true);
    expect(can(actor('attendee'), 'poll.run', groupA)).toBe(false);
  });

  it('a captioner captions and chats in any room they are in, and steers nothing', () => {
    const captioner = actor('captioner');
    expect(
      can(captioner, 'caption.write', plenary) && can(captioner, 'caption.write', groupB),
    ).toBe(true);
    expect(can(captioner, 'chat.send', groupA)).toBe(true);
    expect(can(captioner, 'reaction.send', plenary) || can(captioner, 'hand.raise', plenary)).toBe(
      false,
    );
    expect(can('captioner', 'room.contribute') || can('captioner', 'plenary.present')).toBe(false);
    expect(can(actor('attendee'), 'caption.write', plenary)).toBe(false);
  });

  it('an organizer steers every room', () => {
    expect(can(actor('organizer'), 'participant.mute', groupB)).toBe(true);
  });

  it('a member of another event is refused everything', () => {
    const stranger: Actor = { ...actor('organizer'), eventId: 'other' };
    expect(can(stranger, 'event.view', { eventId })).toBe(false);
    expect(can(stranger, 'chat.send', plenary)).toBe(false);
  });

  it('no session and no membership mean no rights', () => {
    expect(can(null, 'event.view', { eventId })).toBe(false);
    expect(can(actor(null), 'chat.send', plenary)).toBe(false);
    expect(can(null, 'plenary.present')).toBe(false);
  });

  it('queries select people by the roles that may an action', () => {
    expect(rolesThatMay('phase.participate')).toEqual([S, A]);
    expect(rolesThatMay('room.moderate')).toEqual([O, M]);
  });

  it('nobody removes, demotes or mutes a person of a higher role', () => {
    expect(mayActOnPerson(M, O)).toBe(false);
    expect(mayActOnPerson(S, M)).toBe(false);
    expect(mayActOnPerson(O, M) && mayActOnPerson(M, M) && mayActOnPerson(M, A)).toBe(true);
    expect(mayActOnPerson(null, A)).toBe(false);
  });

  it('roles rank organizer over moderator over speaker over captioner over attendee', () => {
    expect(outranks(O, M) && outranks(M, S) && outranks(S, C) && outranks(C, A)).toBe(true);
    expect(outranks(A, S) || outranks(S, S) || outranks(M, O)).toBe(false);
  });
});
