import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnounce } from '../app/status.tsx';
import { consoleErrorText, type ConsoleErrorText } from './errorText.ts';

/**
 * Runs one console action at a time per place (`scope`): shows it busy, announces success, and
 * keeps a failure beside the control that caused it, announced as well.
 */
export function useConsoleAction() {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ scope: string; text: ConsoleErrorText } | null>(null);
  const running = useRef(false);

  const run = useCallback(
    async <T>(scope: string, action: () => Promise<T>, success?: (result: T) => string) => {
      if (running.current) return undefined;
      running.current = true;
      setBusy(scope);
      setFailure(null);
      try {
        const result = await action();
        if (success) announce(success(result));
        return result;
      } catch (error) {
        const text = consoleErrorText(t, error);
        setFailure({ scope, text });
        announce(text.detail ? `${text.summary} ${text.detail}` : text.summary);
        return undefined;
      } finally {
        running.current = false;
        setBusy(null);
      }
    },
    [announce, t],
  );

  const errorFor = (scope: string) => (failure?.scope === scope ? failure.text : null);
  return { busy, run, errorFor, clearError: () => setFailure(null) };
}
