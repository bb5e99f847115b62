/**
 * An audit entry in words, as a person would say it: "Miriam Özdemir hat AG 2 geöffnet".
 * Pure: (action, actor's name, target's name, language) → sentence, tested per action.
 */
export type SentenceLanguage = 'de' | 'en';

type Sentence = (actor: string, target: string) => string;
type Pair = { de: Sentence; en: Sentence };

const q = {
  de: (name: string) => (name ? ` „${name}“` : ''),
  en: (name: string) => (name ? ` “${name}”` : ''),
};
const named = (name: string, fallback: string) => name || fallback;

const sentences: Record<string, Pair> = {
  'event.create': {
    de: (a) => `${a} hat die Veranstaltung angelegt`,
    en: (a) => `${a} created the event`,
  },
  'event.update': {
    de: (a) => `${a} hat die Veranstaltung geändert`,
    en: (a) => `${a} changed the event`,
  },
  'event.captionTranscript': {
    de: (a) => `${a} hat die Mitschrift der Untertitel umgeschaltet`,
    en: (a) => `${a} switched the caption transcript`,
  },
  'agenda.create': {
    de: (a, t) => `${a} hat den Programmpunkt${q.de(t)} angelegt`,
    en: (a, t) => `${a} added the agenda item${q.en(t)}`,
  },
  'agenda.update': {
    de: (a, t) => `${a} hat den Programmpunkt${q.de(t)} geändert`,
    en: (a, t) => `${a} changed the agenda item${q.en(t)}`,
  },
  'agenda.delete': {
    de: (a, t) => `${a} hat den Programmpunkt${q.de(t)} gelöscht`,
    en: (a, t) => `${a} deleted the agenda item${q.en(t)}`,
  },
  'agenda.import': {
    de: (a) => `${a} hat das Programm importiert`,
    en: (a) => `${a} imported the agenda`,
  },
  'agenda.start': {
    de: (a, t) => `${a} hat den Programmpunkt${q.de(t)} gestartet`,
    en: (a, t) => `${a} started the agenda item${q.en(t)}`,
  },
  'agenda.end': {
    de: (a, t) => `${a} hat den Programmpunkt${q.de(t)} beendet`,
    en: (a, t) => `${a} ended the agenda item${q.en(t)}`,
  },
  'agenda.extend': {
    de: (a, t) => `${a} hat den Programmpunkt${q.de(t)} verlängert`,
    en: (a, t) => `${a} extended the agenda item${q.en(t)}`,
  },
  'agenda.shift': {
    de: (a) => `${a} hat das Programm verschoben`,
    en: (a) => `${a} shifted the agenda`,
  },
  'room.create': {
    de: (a, t) => `${a} hat ${named(t, 'eine Arbeitsgruppe')} angelegt`,
    en: (a, t) => `${a} created ${named(t, 'a working group')}`,
  },
  'room.update': {
    de: (a, t) => `${a} hat ${named(t, 'eine Arbeitsgruppe')} geändert`,
    en: (a, t) => `${a} changed ${named(t, 'a working group')}`,
  },
  'room.delete': {
    de: (a, t) => `${a} hat ${named(t, 'eine Arbeitsgruppe')} gelöscht`,
    en: (a, t) => `${a} deleted ${named(t, 'a working group')}`,
  },
  'phase.create': {
    de: (a, t) => `${a} hat die Phase${q.de(t)} angelegt`,
    en: (a, t) => `${a} created the phase${q.en(t)}`,
  },
  'phase.open': {
    de: (a, t) => `${a} hat die Phase${q.de(t)} geöffnet`,
    en: (a, t) => `${a} opened the phase${q.en(t)}`,
  },
  'phase.close': {
    de: (a, t) => `${a} hat die Phase${q.de(t)} geschlossen`,
    en: (a, t) => `${a} closed the phase${q.en(t)}`,
  },
  'phase.extend': {
    de: (a, t) => `${a} hat die Phase${q.de(t)} verlängert`,
    en: (a, t) => `${a} extended the phase${q.en(t)}`,
  },
  'assignment.move': {
    de: (a, t) => `${a} hat ${named(t, 'eine Person')} verschoben`,
    en: (a, t) => `${a} moved ${named(t, 'someone')}`,
  },
  'assignment.balance': {
    de: (a, t) => `${a} hat die Gruppen der Phase${q.de(t)} ausgeglichen`,
    en: (a, t) => `${a} balanced the groups of the phase${q.en(t)}`,
  },
  'assignment.import': {
    de: (a, t) => `${a} hat eine Vorab-Zuteilung für die Phase${q.de(t)} hochgeladen`,
    en: (a, t) => `${a} uploaded a pre-assignment for the phase${q.en(t)}`,
  },
  'invitation.create': {
    de: (a, t) => `${a} hat einen Einladungslink${q.de(t)} erzeugt`,
    en: (a, t) => `${a} created an invitation link${q.en(t)}`,
  },
  'invitation.revoke': {
    de: (a, t) => `${a} hat den Einladungslink${q.de(t)} zurückgezogen`,
    en: (a, t) => `${a} revoked the invitation link${q.en(t)}`,
  },
  'participant.promote': {
    de: (a, t) => `${a} hat ${named(t, 'einer Person')} das Wort erteilt`,
    en: (a, t) => `${a} gave ${named(t, 'someone')} the floor`,
  },
  'participant.demote': {
    de: (a, t) => `${a} hat ${named(t, 'einer Person')} das Wort entzogen`,
    en: (a, t) => `${a} took the floor back from ${named(t, 'someone')}`,
  },
  'participant.mute': {
    de: (a, t) => `${a} hat ${named(t, 'eine Person')} stummgeschaltet`,
    en: (a, t) => `${a} muted ${named(t, 'someone')}`,
  },
  'participant.remove': {
    de: (a, t) => `${a} hat ${named(t, 'eine Person')} aus dem Raum entfernt`,
    en: (a, t) => `${a} removed ${named(t, 'someone')} from the room`,
  },
  'participant.readmit': {
    de: (a, t) => `${a} hat ${named(t, 'eine Person')} wieder zugelassen`,
    en: (a, t) => `${a} readmitted ${named(t, 'someone')}`,
  },
  'hand.take': {
    de: (a) => `${a} hat eine Wortmeldung aufgerufen`,
    en: (a) => `${a} took a raised hand`,
  },
  'hand.dismiss': {
    de: (a) => `${a} hat eine Wortmeldung verworfen`,
    en: (a) => `${a} dismissed a raised hand`,
  },
  'question.answer': {
    de: (a) => `${a} hat eine Frage als beantwortet markiert`,
    en: (a) => `${a} marked a question as answered`,
  },
  'question.hide': {
    de: (a) => `${a} hat eine Frage ausgeblendet`,
    en: (a) => `${a} hid a question`,
  },
  'chat.announce': {
    de: (a) => `${a} hat eine Durchsage gesendet`,
    en: (a) => `${a} sent an announcement`,
  },
  'chat.delete': {
    de: (a) => `${a} hat eine Nachricht gelöscht`,
    en: (a) => `${a} deleted a message`,
  },
  'chat.pin': {
    de: (a) => `${a} hat eine Nachricht angeheftet`,
    en: (a) => `${a} pinned a message`,
  },
  'chat.unpin': {
    de: (a) => `${a} hat eine Nachricht gelöst`,
    en: (a) => `${a} unpinned a message`,
  },
  'chat.lock': {
    de: (a, t) => `${a} hat den Chat${t ? ` in ${t}` : ''} gesperrt`,
    en: (a, t) => `${a} locked the chat${t ? ` in ${t}` : ''}`,
  },
  'chat.unlock': {
    de: (a, t) => `${a} hat den Chat${t ? ` in ${t}` : ''} freigegeben`,
    en: (a, t) => `${a} unlocked the chat${t ? ` in ${t}` : ''}`,
  },
  'results.show': {
    de: (a, t) => `${a} hat die Ergebnisse${q.de(t)} im Plenum gezeigt`,
    en: (a, t) => `${a} showed the results${q.en(t)} in the plenary`,
  },
  'results.hide': {
    de: (a, t) => `${a} hat die Ergebnisse${q.de(t)} im Plenum ausgeblendet`,
    en: (a, t) => `${a} hid the results${q.en(t)} in the plenary`,
  },
  'stage.interpreter': {
    de: (a, t) => `${a} hat ${named(t, 'eine Person')} als Gebärdensprachdolmetschung markiert`,
    en: (a, t) => `${a} marked ${named(t, 'someone')} as sign-language interpreter`,
  },
  'stage.notInterpreter': {
    de: (a, t) =>
      `${a} hat die Markierung als Gebärdensprachdolmetschung von ${named(t, 'einer Person')} aufgehoben`,
    en: (a, t) => `${a} no longer shows ${named(t, 'someone')} as sign-language interpreter`,
  },
  'stage.spotlight': {
    de: (a, t) => `${a} hat ${named(t, 'eine Person')} für alle hervorgehoben`,
    en: (a, t) => `${a} spotlighted ${named(t, 'someone')} for everyone`,
  },
  'stage.unspotlight': {
    de: (a, t) => `${a} hat die Hervorhebung für alle beendet${t ? ` (${t})` : ''}`,
    en: (a, t) => `${a} ended the spotlight for everyone${t ? ` (${t})` : ''}`,
  },
  'help.resolve': {
    de: (a) => `${a} hat eine Hilfeanfrage als erledigt markiert`,
    en: (a) => `${a} marked a call for help as done`,
  },
  'poll.create': {
    de: (a, t) => `${a} hat die Abstimmung${q.de(t)} angelegt`,
    en: (a, t) => `${a} created the poll${q.en(t)}`,
  },
  'poll.open': {
    de: (a, t) => `${a} hat die Abstimmung${q.de(t)} geöffnet`,
    en: (a, t) => `${a} opened the poll${q.en(t)}`,
  },
  'poll.close': {
    de: (a, t) => `${a} hat die Abstimmung${q.de(t)} geschlossen`,
    en: (a, t) => `${a} closed the poll${q.en(t)}`,
  },
  'privacy.update': {
    de: (a) => `${a} hat die Aufbewahrungsfristen geändert`,
    en: (a) => `${a} changed the retention periods`,
  },
  'privacy.erase': {
    de: (a) => `${a} hat die Daten einer Person gelöscht`,
    en: (a) => `${a} erased a person's data`,
  },
  'privacy.export': {
    de: (a, t) => `${a} hat die Daten von ${named(t, 'einer Person')} exportiert`,
    en: (a, t) => `${a} exported the data of ${named(t, 'someone')}`,
  },
};

/** The actions the formatter has words for (the test goes through each). */
export const auditActionsInWords = Object.keys(sentences);

const nobody = { de: 'Das System', en: 'The system' };
const unknown = {
  de: (a: string, action: string) => `${a}: ${action}`,
  en: (a: string, action: string) => `${a}: ${action}`,
};

/**
 * The sentence for one entry. `actorName` null means the system (a deadline, the CLI) or an
 * erased person; `targetName` null means the target has no name (any more).
 */
export function auditSentence(
  action: string,
  actorName: string | null,
  targetName: string | null,
  language: SentenceLanguage,
): string {
  const actor = actorName || nobody[language];
  const sentence = sentences[action];
  return sentence ? sentence[language](actor, targetName ?? '') : unknown[language](actor, action);
}
