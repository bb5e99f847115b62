import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { InvitationPreview, OperatorInfo } from '@plenum/shared';
import { events } from '../../db/schema/index.ts';
import { useTestApp } from '../../test/socket-world.ts';
import { join, seedEvent } from '../../test/fixtures.ts';
import { createInvitation } from './service.ts';

const t = useTestApp({
  env: {
    OPERATOR_NAME: 'Landkreis Beispiel, Amt für Digitales',
    PRIVACY_URL: 'https://example.org/datenschutz',
    IMPRINT_URL: 'https://example.org/impressum',
  },
});
let token: string;
beforeAll(async () => {
  const event = await seedEvent(t.app);
  // The seed has no description; the join page shows one.
  await t.app.db
    .update(events)
    .set({ description: 'Zwei Tage zur Sozialplanung.' })
    .where(eq(events.id, event.id));
  await join(t.app, event.id, 'organizer', 'Miriam Özdemir');
  ({ token } = await createInvitation(
    t.app.db,
    event.id,
    { role: 'attendee', label: 'alle', maxUses: null, expiresAt: null },
    null,
  ));
});

describe('what the join page shows before anyone signs in', () => {
  it('the invitation tells date, description and organizer of the event', async () => {
    const res = await t.app.inject({ url: `/api/invitations/${token}` });
    expect(res.statusCode).toBe(200);
    const preview = InvitationPreview.parse(res.json());
    expect(preview.event).toMatchObject({
      description: 'Zwei Tage zur Sozialplanung.',
      startsAt: '2026-03-12T08:00:00.000Z',
      endsAt: '2026-03-13T15:00:00.000Z',
      timeZone: 'Europe/Berlin',
      organizers: ['Miriam Özdemir'],
    });
  });

  it("names the instance's operator with its privacy notice and imprint, to anyone", async () => {
    const res = await t.app.inject({ url: '/api/operator' });
    expect(res.statusCode).toBe(200);
    expect(OperatorInfo.parse(res.json())).toEqual({
      name: 'Landkreis Beispiel, Amt für Digitales',
      privacyUrl: 'https://example.org/datenschutz',
      imprintUrl: 'https://example.org/impressum',
    });
  });
});
