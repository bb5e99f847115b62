/** The client's routes, matched on `location.pathname`. Pure, so it can be tested without a DOM. */
export type Route =
  | { name: 'landing' }
  | { name: 'join'; token: string }
  | { name: 'event'; slug: string }
  | { name: 'console'; slug: string }
  | { name: 'notFound' };

const patterns: { pattern: RegExp; toRoute: (param: string) => Route }[] = [
  { pattern: /^\/join\/([^/]+)\/?$/, toRoute: (token) => ({ name: 'join', token }) },
  { pattern: /^\/e\/([^/]+)\/?$/, toRoute: (slug) => ({ name: 'event', slug }) },
  { pattern: /^\/e\/([^/]+)\/console\/?$/, toRoute: (slug) => ({ name: 'console', slug }) },
];

export function matchRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { name: 'landing' };
  for (const { pattern, toRoute } of patterns) {
    const param = pattern.exec(pathname)?.[1];
    if (param === undefined) continue;
    try {
      return toRoute(decodeURIComponent(param));
    } catch {
      return { name: 'notFound' }; // malformed percent-encoding
    }
  }
  return { name: 'notFound' };
}

export const paths = {
  landing: () => '/',
  join: (token: string) => `/join/${encodeURIComponent(token)}`,
  event: (slug: string) => `/e/${encodeURIComponent(slug)}`,
  console: (slug: string) => `/e/${encodeURIComponent(slug)}/console`,
};
