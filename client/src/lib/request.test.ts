import { afterEach, describe, expect, it, vi } from 'vitest';
import { agendaApi } from '../features/agenda/agenda-api.ts';
import { assignmentsApi } from '../features/assignments/assignments-api.ts';
import { phasesApi } from '../features/phases/phases-api.ts';
import { roomsApi } from '../features/rooms/rooms-api.ts';
import { ApiError } from './api.ts';

interface Call {
  url: string;
  init: RequestInit;
}

function stubFetch(status: number, body?: unknown): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { 'Content-Type': 'application/json' },
    });
  });
  return calls;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the console’s requests', () => {
  it('sends JSON bodies with their content type', async () => {
    const calls = stubFetch(200, []);
    await agendaApi.extendItem('forum', 'item-1', 10);
    expect(calls[0]!.url).toBe('/api/events/forum/agenda/item-1/extend');
    expect(calls[0]!.init.method).toBe('POST');
    expect((calls[0]!.init.headers as Record<string, string>)['Content-Type']).toBe(
      'application/json',
    );
    expect(calls[0]!.init.body).toBe('{"minutes":10}');
  });

  it('sends a Frab schedule as the XML bytes themselves', async () => {
    const calls = stubFetch(200, { imported: 2, skipped: [] });
    const file = new Blob(['<schedule/>'], { type: '' });
    const report = await agendaApi.importFrab('forum', file);
    expect(report).toEqual({ imported: 2, skipped: [] });
    expect((calls[0]!.init.headers as Record<string, string>)['Content-Type']).toBe(
      'application/xml',
    );
    expect(calls[0]!.init.body).toBe(file);
  });

  it('sends a pre-assignment list as text/csv', async () => {
    const calls = stubFetch(200, { assigned: 0, unmatched: [] });
    await assignmentsApi.preassign('p-1', new Blob(['Name;Gruppe\n']));
    expect(calls[0]!.url).toBe('/api/phases/p-1/preassign');
    expect((calls[0]!.init.headers as Record<string, string>)['Content-Type']).toBe('text/csv');
  });

  it('reads an empty 204 answer as done', async () => {
    stubFetch(204);
    await expect(roomsApi.deleteRoom('forum', 'room-1')).resolves.toBeUndefined();
  });

  it('turns a refusal into an ApiError with the offending fields', async () => {
    stubFetch(409, {
      error: {
        code: 'conflict',
        message: 'would overlap',
        fields: { 'body.startsAt': 'overlaps agenda item abc' },
        reason: 'overlap',
      },
    });
    const error = await agendaApi
      .createAgendaItem('forum', {
        title: 'x',
        description: '',
        kind: 'talk',
        speakers: [],
        startsAt: '2026-03-12T09:00:00+01:00',
        durationMinutes: 30,
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 409,
      code: 'conflict',
      reason: 'overlap',
      fields: { 'body.startsAt': 'overlaps agenda item abc' },
    });
  });

  it('reports an unreachable server as a network error', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(phasesApi.phases('forum')).rejects.toMatchObject({ code: 'network' });
  });

  it('encodes path segments', () => {
    expect(agendaApi.icalUrl('a/b')).toBe('/api/events/a%2Fb/agenda.ics');
    expect(phasesApi.resultsUrl('p 1')).toBe('/api/phases/p%201/results.md');
  });
});
