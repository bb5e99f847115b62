import { useTranslation } from 'react-i18next';
import type { AttendanceReport, Event } from '@plenum/shared';
import { useLanguage } from '../../app/i18n/index.ts';
import { formatDateTime } from '../../lib/time-format.ts';
import { LoadFailed } from '../../ui/LoadFailed.tsx';
import { attendanceApi } from './attendance-api.ts';
import { peopleAttending } from './attendance.ts';
import { useAttendance } from './useAttendance.ts';

type AttendanceRoom = AttendanceReport['rooms'][number];

/**
 * Who was in which room, when and for how long (from LiveKit's own join and leave reports), per
 * room as a table, and the same as a CSV file for the spreadsheet the funding body asks for.
 */
export function AttendancePanel({ event }: { event: Pick<Event, 'slug' | 'timeZone'> }) {
  const { t } = useTranslation();
  const report = useAttendance(event.slug);

  return (
    <section className="console-part" aria-labelledby="console-attendance-heading">
      <h3 id="console-attendance-heading">{t('console.attendance.heading')}</h3>
      <p className="meta">{t('console.attendance.intro', { timeZone: event.timeZone })}</p>
      <p className="meta">{t('console.audit.live')}</p>
      <div className="console-toolbar">
        <a className="button" href={attendanceApi.attendanceCsvUrl(event.slug)} download>
          {t('console.attendance.csv')}
        </a>
        <button type="button" className="button button-quiet" onClick={report.reload}>
          {t('console.records.reload')}
        </button>
      </div>
      {report.status === 'loading' && <p className="loading">{t('console.records.loading')}</p>}
      {report.status === 'failed' && <LoadFailed />}
      {report.status === 'done' && <AttendanceTables report={report.data} />}
    </section>
  );
}

function AttendanceTables({ report }: { report: AttendanceReport }) {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const when = (iso: string) => formatDateTime(iso, report.timeZone, locale);
  return (
    <>
      <p>
        {t('console.attendance.summary', {
          count: peopleAttending(report),
          when: when(report.generatedAt),
        })}
      </p>
      {report.rooms.map((room) => (
        <RoomAttendance key={room.roomId} room={room} when={when} />
      ))}
    </>
  );
}

function RoomAttendance({ room, when }: { room: AttendanceRoom; when: (iso: string) => string }) {
  const { t } = useTranslation();
  if (room.people.length === 0) {
    return (
      <p className="records-empty">
        <strong>{room.name}</strong>: {t('console.attendance.emptyRoom')}
      </p>
    );
  }
  const captionId = `attendance-${room.roomId}`;
  return (
    <div className="table-scroll" role="region" tabIndex={0} aria-labelledby={captionId}>
      <table className="console-table records-table">
        <caption id={captionId}>
          {t('console.attendance.caption', { room: room.name, count: room.people.length })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('console.attendance.person')}</th>
            <th scope="col">{t('console.attendance.firstJoined')}</th>
            <th scope="col">{t('console.attendance.lastLeft')}</th>
            <th scope="col" className="records-number">
              {t('console.attendance.minutes')}
            </th>
            <th scope="col" className="records-number">
              {t('console.attendance.mediaMinutes')}
            </th>
            <th scope="col" className="records-number">
              {t('console.attendance.connections')}
            </th>
          </tr>
        </thead>
        <tbody>
          {room.people.map((person, index) => (
            <tr key={person.personId ?? `erased-${index}`}>
              <th scope="row">{person.displayName ?? t('console.attendance.erased')}</th>
              <td>
                <time dateTime={person.firstJoinedAt}>{when(person.firstJoinedAt)}</time>
              </td>
              <td>
                {person.lastLeftAt ? (
                  <time dateTime={person.lastLeftAt}>{when(person.lastLeftAt)}</time>
                ) : (
                  t('console.attendance.stillThere')
                )}
              </td>
              <td className="records-number">{person.totalMinutes}</td>
              <td className="records-number">{person.mediaMinutes}</td>
              <td className="records-number">{person.spans.length}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
