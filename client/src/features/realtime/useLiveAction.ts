import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnounce } from '../../app/status.tsx';
import { liveErrorKey } from './errors.ts';

/**
 * One action at a time from a live list (take back the word, mark help done): the row it runs
 * for is `busy` meanwhile, and what happened, or why not, is announced.
 */
export function useLiveAction<Key>() {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [busy, setBusy] = useState<Key | null>(null);

  const run = async (key: Key, action: () => Promise<unknown>, doneText: () => string) => {
    if (busy !== null) return;
    setBusy(key);
    try {
      await action();
      announce(doneText());
    } catch (error) {
      announce(t(liveErrorKey(error)));
    } finally {
      setBusy(null);
    }
  };
  return { busy, run };
}
