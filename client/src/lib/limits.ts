/**
 * Input limits, mirrored from @plenum/shared (the test checks they agree): importing them from
 * there would bring zod into the event page for three numbers.
 */
export const CHAT_MAX_LENGTH = 2000;
export const QUESTION_MAX_LENGTH = 500;
export const NOTES_MAX_LENGTH = 50_000;
