import { describe, expect, it } from 'vitest';
import { auditActionsInWords, auditSentence } from './audit-sentence.ts';

// Every action the server records (grep recordAudit in server/src): each has words.
const recorded = [
  'event.create',
  'event.update',
  'event.captionTranscript',
  'agenda.create',
  'agenda.update',
  'agenda.delete',
  'agenda.import',
  'agenda.start',
  'agenda.end',
  'agenda.extend',
  'agenda.shift',
  'room.create',
  'room.update',
  'room.delete',
  'phase.create',
  'phase.open',
  'phase.close',
  'phase.extend',
  'assignment.move',
  'assignment.balance',
  'assignment.import',
  'invitation.create',
  'invitation.revoke',
  'participant.promote',
  'participant.demote',
  'participant.mute',
  'participant.remove',
  'participant.readmit',
  'hand.take',
  'hand.dismiss',
  'question.answer',
  'question.hide',
  'chat.announce',
  'chat.delete',
  'chat.pin',
  'chat.unpin',
  'chat.lock',
  'chat.unlock',
  'results.show',
  'results.hide',
  'stage.interpreter',
  'stage.notInterpreter',
  'stage.spotlight',
  'stage.unspotlight',
  'help.resolve',
  'poll.create',
  'poll.open',
  'poll.close',
  'privacy.update',
  'privacy.erase',
  'privacy.export',
];

describe('audit entries in words', () => {
  it('says who opened which group, in German and English', () => {
    expect(auditSentence('room.update', 'Miriam Özdemir', 'AG 2', 'de')).toBe(
      'Miriam Özdemir hat AG 2 geändert',
    );
    expect(auditSentence('phase.open', 'Miriam Özdemir', 'AG-Phase', 'de')).toBe(
      'Miriam Özdemir hat die Phase „AG-Phase“ geöffnet',
    );
    expect(auditSentence('phase.open', 'Miriam Özdemir', 'AG-Phase', 'en')).toBe(
      'Miriam Özdemir opened the phase “AG-Phase”',
    );
    expect(auditSentence('assignment.move', 'Olga', 'Anna Arnsberg', 'de')).toBe(
      'Olga hat Anna Arnsberg verschoben',
    );
    expect(auditSentence('participant.promote', 'Olga', 'Ben', 'en')).toBe(
      'Olga gave Ben the floor',
    );
  });

  it.each(recorded)('%s reads as a sentence with actor and target in both languages', (action) => {
    expect(auditActionsInWords).toContain(action);
    const de = auditSentence(action, 'Miriam Özdemir', 'AG 2', 'de');
    const en = auditSentence(action, 'Miriam Özdemir', 'AG 2', 'en');
    expect(de).toMatch(/^Miriam Özdemir hat /);
    expect(en).toMatch(/^Miriam Özdemir /);
    for (const text of [de, en]) {
      expect(text).not.toContain(action);
      expect(text).not.toMatch(/undefined|null|\{\{/);
    }
    expect(de).not.toBe(en);
    // Without a target's name (gone, or none) the sentence still reads.
    const bare = auditSentence(action, 'Miriam Özdemir', null, 'de');
    expect(bare).not.toMatch(/„“|\s{2}|\s$/);
  });

  it('names the system when no person acted, and an unknown action by its code', () => {
    expect(auditSentence('phase.close', null, 'AG-Phase', 'de')).toBe(
      'Das System hat die Phase „AG-Phase“ geschlossen',
    );
    expect(auditSentence('phase.close', null, null, 'en')).toBe('The system closed the phase');
    expect(auditSentence('future.thing', 'Olga', null, 'en')).toBe('Olga: future.thing');
  });
});
