import { describe, expect, it } from 'vitest';
import { matchRoute, paths } from './routes.ts';

describe('routes', () => {
  it.each([
    ['/', { name: 'landing' }],
    ['/join/abcDEF123_-abcDEF123_', { name: 'join', token: 'abcDEF123_-abcDEF123_' }],
    ['/join/abc/', { name: 'join', token: 'abc' }],
    ['/e/forum-2026', { name: 'event', slug: 'forum-2026' }],
    ['/e/forum-2026/console', { name: 'console', slug: 'forum-2026' }],
    ['/e/forum-2026/extra', { name: 'notFound' }],
    ['/join/', { name: 'notFound' }],
    ['/e/%E0%A4%A', { name: 'notFound' }],
    ['/elsewhere', { name: 'notFound' }],
  ])('matches %s', (pathname, route) => {
    expect(matchRoute(pathname)).toEqual(route);
  });

  it('builds paths that match back to the same route', () => {
    expect(matchRoute(paths.event('forum-2026'))).toEqual({ name: 'event', slug: 'forum-2026' });
    expect(matchRoute(paths.join('a/b'))).toEqual({ name: 'join', token: 'a/b' });
  });
});
