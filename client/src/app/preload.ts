/**
 * The chunks of the screens after the device check, in one place: `lazy()` uses these, and the
 * device check calls them early, so that entering does not wait for the event page and the stage
 * (LiveKit's React components) to download and parse after the click. Each `import()` is fetched
 * once; calling it again returns the same module.
 */
export const loadEventPage = () => import('../features/events/EventPage.tsx');
export const loadStage = () => import('../features/stage/Stage.tsx');

/** While the person is still reading or looking at the preview; a failure shows up later, in place. */
export function preloadEventScreens() {
  loadEventPage().catch(() => undefined);
  loadStage().catch(() => undefined);
}
