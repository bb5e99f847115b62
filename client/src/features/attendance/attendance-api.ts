import type { AttendanceReport } from '@plenum/shared';
import { eventPath as event, send } from '../../lib/request.ts';

/** Who was in which room: the report, and the same as CSV. Organizers alone may read it. */
export const attendanceApi = {
  attendance: (slug: string, signal?: AbortSignal) =>
    send<AttendanceReport>('GET', `${event(slug)}/attendance`, undefined, signal),
  /** A download link: the server names the file and sends it as UTF-8 CSV for spreadsheets. */
  attendanceCsvUrl: (slug: string) => `${event(slug)}/attendance.csv`,
};
