import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Room } from '@plenum/shared';
import { useAnnounce } from '../../app/status.tsx';
import { CheckboxGroup, FormButtons, FormMessage, TextAreaField } from '../../ui/FormFields.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useConsoleForm } from '../../ui/useConsoleForm.ts';
import type { PresenceMap } from '../presence/presence.ts';
import { useLanguage } from '../../app/i18n/index.ts';
import { moderatorChoices } from './moderator-choices.ts';
import {
  checkRoomForm,
  emptyRoomForm,
  roomFields,
  roomFormFromRoom,
  roomPatch,
  type RoomField,
  type RoomFormValues,
} from './room-form.ts';
import { roomsApi } from './rooms-api.ts';

interface RoomFormProps {
  slug: string;
  room: Room | null;
  presence: PresenceMap;
  onSaved: (room: Room) => void;
  onCancel: () => void;
}

/**
 * Add or edit a working group. Moderators are chosen from the event's people; the server accepts
 * only those with the role moderator or organizer and says so at the field otherwise.
 */
export function RoomForm({ slug, room, presence, onSaved, onCancel }: RoomFormProps) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [values, setValues] = useState<RoomFormValues>(() =>
    room ? roomFormFromRoom(room) : emptyRoomForm,
  );
  const { errors, general, saving, setSaving, inputRef, errorText, showErrors, showFailure } =
    useConsoleForm(roomFields);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const { locale } = useLanguage();
  const people = moderatorChoices(presence.values(), values.moderatorIds, {
    role: (role) => t(`roles.${role}`),
    online: t('console.groups.namesakeOnline'),
    lastSeen: (iso) => t('console.groups.namesakeLastSeen', { time: formatTimeOfDay(iso, locale) }),
    id: (short) => t('console.groups.namesakeId', { id: short }),
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    const checked = checkRoomForm(values);
    if (!checked.ok) return showErrors(checked.errors, null);
    const patch = room ? roomPatch(room, checked.body) : null;
    if (room && !patch) return onCancel();
    setSaving(true);
    try {
      const saved = room
        ? await roomsApi.updateRoom(slug, room.id, patch!)
        : await roomsApi.createRoom(slug, checked.body);
      announce(t(room ? 'console.groups.updated' : 'console.groups.created', { name: saved.name }));
      onSaved(saved);
    } catch (error) {
      setSaving(false);
      showFailure(error);
    }
  };

  const field = (name: Exclude<RoomField, 'moderatorIds'>) => ({
    id: `room-form-${name}`,
    value: values[name],
    error: errorText(errors[name]),
    onChange: (value: string) => setValues((v) => ({ ...v, [name]: value })),
    inputRef: inputRef(name),
  });

  return (
    <form className="console-form" noValidate onSubmit={submit} aria-labelledby="room-form-heading">
      <h4 id="room-form-heading" ref={heading} tabIndex={-1}>
        {room
          ? t('console.groups.editHeading', { name: room.name })
          : t('console.groups.newHeading')}
      </h4>
      <FormMessage text={general} />
      <TextField {...field('name')} label={t('console.groups.name')} required />
      <TextAreaField {...field('description')} rows={2} label={t('console.groups.description')} />
      <TextField
        {...field('capacity')}
        inputMode="numeric"
        label={t('console.groups.capacity')}
        hint={t('console.groups.capacityHint')}
      />
      <CheckboxGroup
        id="room-form-moderators"
        legend={t('console.groups.moderators')}
        hint={t('console.groups.moderatorsHint')}
        error={errorText(errors.moderatorIds)}
        options={people}
        chosen={values.moderatorIds}
        onChange={(moderatorIds) => setValues((v) => ({ ...v, moderatorIds }))}
        empty={t('console.groups.nobody')}
        firstRef={inputRef('moderatorIds')}
      />
      <FormButtons
        saving={saving}
        submitLabel={t(room ? 'console.save' : 'console.groups.create')}
        onCancel={onCancel}
      />
    </form>
  );
}

const formatTimeOfDay = (iso: string, locale: string) =>
  new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
