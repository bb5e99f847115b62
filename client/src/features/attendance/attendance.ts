import type { AttendanceReport } from '@plenum/shared';

/** How many different people were anywhere in the event; erased people count once each. */
export function peopleAttending(report: AttendanceReport): number {
  const seen = new Set<string>();
  let nameless = 0;
  for (const room of report.rooms) {
    for (const person of room.people) {
      if (person.personId) seen.add(person.personId);
      else nameless += 1;
    }
  }
  return seen.size + nameless;
}
