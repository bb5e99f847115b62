import { describe, expect, it } from 'vitest';
import { linksShown, ShownEventLinks } from './site-links.ts';

const instance = {
  name: 'Landkreis Beispiel',
  privacyUrl: 'https://landkreis.example/datenschutz',
  imprintUrl: 'https://landkreis.example/impressum',
};

describe("the footer's privacy notice and imprint", () => {
  it("shows the event's own links before the instance's, each on its own", () => {
    expect(linksShown(instance, null)).toEqual(instance);
    expect(
      linksShown(instance, { privacyUrl: 'https://forum.example/datenschutz', imprintUrl: null }),
    ).toEqual({
      name: 'Landkreis Beispiel',
      privacyUrl: 'https://forum.example/datenschutz',
      imprintUrl: 'https://landkreis.example/impressum',
    });
    const bare = { name: null, privacyUrl: null, imprintUrl: null };
    expect(linksShown(bare, { privacyUrl: null, imprintUrl: 'https://forum.example/i' })).toEqual({
      name: null,
      privacyUrl: null,
      imprintUrl: 'https://forum.example/i',
    });
  });

  it('shows the newest links told, and the ones before when those go', () => {
    const shown = new ShownEventLinks();
    let heard = 0;
    shown.subscribe(() => heard++);
    const page = shown.show({ privacyUrl: 'https://a.example/p', imprintUrl: null });
    const saved = shown.show({ privacyUrl: 'https://b.example/p', imprintUrl: null });
    expect(shown.get()?.privacyUrl).toBe('https://b.example/p');
    saved();
    expect(shown.get()?.privacyUrl).toBe('https://a.example/p');
    page();
    expect(shown.get()).toBeNull();
    expect(heard).toBe(4);
  });
});
