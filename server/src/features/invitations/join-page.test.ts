import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { Event, InvitationPreview, OperatorInfo } from '@plenum/shared';
import { events } from '../../db/schema/index.ts';
import { useTestApp } from '../../test/socket-world.ts';
import { join, seedEvent, type Member } from '../../test/fixtures.ts';
import { createInvitation } from './service.ts';

const t = useTestApp({
  env: {
    OPERATOR_NAME: 'Landkreis Beispiel, Amt für Digitales',
    PRIVACY_URL: 'https://example.org/datenschutz',
    IMPRINT_URL: 'https://example.org/impressum',
  },
});
let token: string;
let slug: string;
let eventId: string;
let organizer: Member;
let moderator: Member;
beforeAll(async () => {
  const event = await seedEvent(t.app);
  slug = event.slug;
  eventId = event.id;
  // The seed has no description; the join page shows one.
  await t.app.db
    .update(events)
    .set({ description: 'Zwei Tage zur Sozialplanung.' })
    .where(eq(events.id, event.id));
  organizer = await join(t.app, event.id, 'organizer', 'Miriam Özdemir');
  moderator = await join(t.app, event.id, 'moderator', 'Moritz Moderator');
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

describe("the event's own privacy notice and imprint", () => {
  const edit = (member: Member, payload: object) =>
    t.app.inject({
      method: 'PATCH',
      url: `/api/events/${slug}`,
      headers: { cookie: member.cookie },
      payload,
    });

  it('the organizer sets https links that the join page and every member then get', async () => {
    const links = {
      privacyUrl: 'https://forum.example.de/datenschutz',
      imprintUrl: 'https://forum.example.de/impressum',
    };
    const res = await edit(organizer, links);
    expect(res.statusCode, res.body).toBe(200);
    expect(Event.parse(res.json())).toMatchObject(links);

    const preview = InvitationPreview.parse(
      (await t.app.inject({ url: `/api/invitations/${token}` })).json(),
    );
    expect(preview.event).toMatchObject(links);
    const seen = await t.app.inject({
      url: `/api/events/${slug}`,
      headers: { cookie: moderator.cookie },
    });
    expect(Event.parse(seen.json())).toMatchObject(links);

    // null gives the instance's links back; the other one stays.
    const cleared = await edit(organizer, { imprintUrl: null });
    expect(cleared.json()).toMatchObject({ privacyUrl: links.privacyUrl, imprintUrl: null });
    expect(await t.auditEntries(eventId, 'event.update')).toHaveLength(2);
  });

  it('refuses anything but an https address without credentials', async () => {
    for (const bad of [
      'http://forum.example.de/datenschutz',
      'javascript:alert(1)',
      'https://user:secret@forum.example.de/datenschutz',
      'forum.example.de/datenschutz',
      '',
      `https://forum.example.de/${'x'.repeat(2000)}`,
    ]) {
      const res = await edit(organizer, { privacyUrl: bad });
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
  });

  it('only organizers set them', async () => {
    const res = await edit(moderator, { privacyUrl: 'https://moritz.example.de/' });
    expect(res.statusCode).toBe(403);
    const anon = await t.app.inject({
      method: 'PATCH',
      url: `/api/events/${slug}`,
      payload: { privacyUrl: 'https://x.example.de/' },
    });
    expect(anon.statusCode).toBe(401);
    const preview = InvitationPreview.parse(
      (await t.app.inject({ url: `/api/invitations/${token}` })).json(),
    );
    expect(preview.event.privacyUrl).not.toBe('https://moritz.example.de/');
  });
});
