import { useTranslation } from 'react-i18next';
import { formatCountdown, minutesLeft, type TimeLeft } from './countdown.ts';

/** "Time left 12:34", read out as whole minutes rather than a ticking clock. */
export function Countdown({ left }: { left: TimeLeft }) {
  const { t } = useTranslation();
  return (
    <p className="countdown">
      <span className="countdown-label">{t('groups.timeLeft')}</span>{' '}
      <time
        className="countdown-value"
        dateTime={`PT${Math.ceil(left.ms / 1000)}S`}
        aria-label={t('groups.minutesLeft', { count: minutesLeft(left) })}
      >
        {formatCountdown(left)}
      </time>
    </p>
  );
}
