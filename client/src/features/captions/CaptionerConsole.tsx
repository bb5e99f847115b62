import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CAPTION_MAX_LENGTH } from '@plenum/shared/limits';
import { useAnnounce } from '../../app/status.tsx';
import { liveErrorKey } from '../realtime/errors.ts';
import { useCaptionWriter } from './useCaptions.ts';
import './captions.css';

/**
 * Where the captioner types for the room they are in. The room sees the line while it is typed
 * (at most every 150 ms); Enter commits it and starts the next; Shift+Enter is a
 * line break within it.
 */
export function CaptionerConsole({
  room,
  transcriptOn,
}: {
  room: { id: string; name: string };
  transcriptOn: boolean | null;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const id = useId();
  const [text, setText] = useState('');
  const writer = useCaptionWriter(room.id);

  const onKeyDown = async (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== 'Enter' || event.shiftKey) return;
    event.preventDefault();
    const line = text;
    setText('');
    try {
      await writer.commit(line);
    } catch (error) {
      setText(line);
      announce(t(liveErrorKey(error)));
    }
  };

  return (
    <section className="captioner" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('captions.writeHeading', { room: room.name })}</h2>
      <p className="meta" id={`${id}-hint`}>
        {t('captions.writeHint')}{' '}
        {transcriptOn ? t('captions.transcriptOn') : t('captions.transcriptOff')}
      </p>
      <label htmlFor={`${id}-text`} className="visually-hidden">
        {t('captions.writeLabel')}
      </label>
      <textarea
        id={`${id}-text`}
        aria-describedby={`${id}-hint`}
        rows={3}
        maxLength={CAPTION_MAX_LENGTH}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          writer.typed(e.target.value);
        }}
        onKeyDown={(e) => void onKeyDown(e)}
      />
    </section>
  );
}
