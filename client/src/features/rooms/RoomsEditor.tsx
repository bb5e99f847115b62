import { useTranslation } from 'react-i18next';
import type { Room } from '@plenum/shared';
import { ActionError } from '../../ui/FormFields.tsx';
import { AddButton, DeleteButton, EditButton } from '../../ui/ListEditButtons.tsx';
import { LoadFailed } from '../../ui/LoadFailed.tsx';
import { useFormOpener } from '../../ui/useFormOpener.ts';
import { useRowDelete } from '../../ui/useRowDelete.ts';
import type { PresenceMap } from '../presence/presence.ts';
import { RoomForm } from './RoomForm.tsx';
import { roomsApi } from './rooms-api.ts';
import type { ConsoleRooms } from './useConsoleRooms.ts';

type Editing = { mode: 'new' } | { mode: 'edit'; room: Room } | null;

/** The working groups: name, description, places and moderators. */
export function RoomsEditor({
  slug,
  rooms,
  presence,
}: {
  slug: string;
  rooms: ConsoleRooms;
  presence: PresenceMap;
}) {
  const { t } = useTranslation();
  const {
    shown: editing,
    show: setEditing,
    opener: addButton,
    close: closeForm,
  } = useFormOpener<Editing>(null);
  const deleting = useRowDelete<Room>(
    async (room) => {
      await roomsApi.deleteRoom(slug, room.id);
      rooms.remove(room.id);
    },
    (room) => t('console.groups.deleted', { name: room.name }),
  );
  const nameOf = (id: string) => presence.get(id)?.displayName ?? t('chat.unknownAuthor');

  return (
    <section className="console-part" aria-labelledby="console-groups-heading">
      <h3 id="console-groups-heading">{t('console.groups.heading')}</h3>
      <div className="console-toolbar">
        <AddButton
          buttonRef={addButton}
          open={editing?.mode === 'new'}
          label={t('console.groups.add')}
          onClick={() => setEditing({ mode: 'new' })}
        />
      </div>
      {editing && (
        <RoomForm
          key={editing.mode === 'edit' ? editing.room.id : 'new'}
          slug={slug}
          room={editing.mode === 'edit' ? editing.room : null}
          presence={presence}
          onSaved={(room) => {
            rooms.put(room);
            closeForm();
          }}
          onCancel={closeForm}
        />
      )}
      {rooms.status === 'failed' && <LoadFailed onRetry={rooms.reload} />}
      {rooms.status === 'done' && rooms.groups.length === 0 && <p>{t('console.groups.empty')}</p>}
      <ul className="console-list">
        {rooms.groups.map((room) => (
          <li key={room.id} className="console-row">
            <div className="console-row-main">
              <p className="console-row-title">
                <strong>{room.name}</strong>{' '}
                <span className="meta">
                  {room.capacity === null
                    ? t('console.groups.unlimited')
                    : t('console.groups.places', { count: room.capacity })}
                </span>
              </p>
              {room.description && <p className="meta">{room.description}</p>}
              <p className="meta">
                {room.moderatorIds.length === 0
                  ? t('console.groups.noModerators')
                  : t('console.groups.moderatedBy', {
                      names: room.moderatorIds.map(nameOf).join(', '),
                    })}
              </p>
            </div>
            <div className="console-row-actions">
              <EditButton name={room.name} onClick={() => setEditing({ mode: 'edit', room })} />
              <DeleteButton
                name={room.name}
                title={t('console.groups.deleteTitle', { name: room.name })}
                text={t('console.groups.deleteText')}
                busy={deleting.busy(room)}
                onConfirm={() => deleting.remove(room)}
              />
            </div>
            <ActionError error={deleting.errorFor(room)} />
          </li>
        ))}
      </ul>
    </section>
  );
}
