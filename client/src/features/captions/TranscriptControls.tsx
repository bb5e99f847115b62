import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnounce } from '../../app/status.tsx';
import { liveErrorKey } from '../realtime/errors.ts';
import { captionsApi } from './captions-api.ts';
import type { useTranscriptState } from './useCaptions.ts';

/** The organizer keeps the captions as a transcript, or not, and downloads it. */
export function TranscriptControls({
  slug,
  transcript,
}: {
  slug: string;
  transcript: ReturnType<typeof useTranscriptState>;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);
  const change = async (enabled: boolean) => {
    setBusy(true);
    try {
      transcript.setEnabled((await captionsApi.setTranscript(slug, enabled)).enabled);
      announce(enabled ? t('captions.transcriptOn') : t('captions.transcriptOff'));
    } catch (error) {
      announce(t(liveErrorKey(error)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="captions-transcript">
      <label>
        <input
          type="checkbox"
          checked={transcript.enabled === true}
          disabled={busy || transcript.enabled === null}
          onChange={(e) => void change(e.target.checked)}
        />
        {t('captions.keepTranscript')}
      </label>
      <a className="button" href={captionsApi.exportUrl(slug, 'markdown')} download>
        {t('captions.exportMarkdown')}
      </a>
      <a className="button" href={captionsApi.exportUrl(slug, 'text')} download>
        {t('captions.exportText')}
      </a>
    </div>
  );
}
