import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api.ts';
import { SharedNotes } from './SharedNotes.tsx';

/** The working group's results notes of this phase, written by the group together. */
export function GroupNotes({
  phaseId,
  room,
}: {
  phaseId: string;
  room: { id: string; name: string };
}) {
  const { t } = useTranslation();
  return (
    <SharedNotes
      doc={{ kind: 'group', phaseId, roomId: room.id }}
      heading={t('notes.heading', { room: room.name })}
      intro={t('notes.intro')}
      label={t('notes.label')}
      readOnlyText={t('notes.readOnlyGroup')}
    >
      <p>
        <a href={api.resultsUrl(phaseId)} download>
          {t('notes.download')}
        </a>
      </p>
    </SharedNotes>
  );
}

/**
 * The plenary's notes: organizers and moderators write, everyone else reads along (and sees
 * nothing while nothing is written).
 */
export function PlenaryNotes() {
  const { t } = useTranslation();
  return (
    <SharedNotes
      doc={{ kind: 'plenary' }}
      heading={t('notes.plenaryHeading')}
      intro={t('notes.plenaryIntro')}
      label={t('notes.plenaryLabel')}
      readOnlyText={t('notes.readOnlyPlenary')}
      hideEmptyForReaders
    />
  );
}
