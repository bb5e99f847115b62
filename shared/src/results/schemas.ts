import { z } from 'zod';

/** A moderator or organizer shows a closed phase's results in the plenary. */
export const ResultsShowInput = z.object({ phaseId: z.uuid() }).strict();
/** What the plenary shows now: asked on entering and after a reconnect. */
export const ResultsCurrentInput = z.object({}).strict();
/** Takes the results off the plenary again. */
export const ResultsHideInput = z.object({ phaseId: z.uuid() }).strict();

/** One group's notes, as the plenary sees them beside the stage. */
export const ResultsGroup = z.object({ roomId: z.uuid(), name: z.string(), body: z.string() });
export type ResultsGroup = z.infer<typeof ResultsGroup>;

/** The results on the plenary's screens: the phase and its groups' notes, group by group. */
export const ResultsShown = z.object({
  phaseId: z.uuid(),
  title: z.string(),
  shownAt: z.string(),
  groups: z.array(ResultsGroup),
});
export type ResultsShown = z.infer<typeof ResultsShown>;

export const ResultsHidden = z.object({ phaseId: z.uuid() });
export type ResultsHidden = z.infer<typeof ResultsHidden>;
