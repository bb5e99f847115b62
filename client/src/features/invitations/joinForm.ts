import { personLimits } from '@plenum/shared/limits';
import { namePattern } from '@plenum/shared/rules';
import type { ApiError, RedeemBody } from '../../lib/api.ts';

/**
 * The join form's rules: `RedeemInput`'s limits and name pattern from @plenum/shared (the test
 * checks they agree). They run here only to answer fast and in the reader's language; the server
 * decides.
 */

export interface JoinValues {
  displayName: string;
  email: string;
}
export type JoinField = keyof JoinValues;
export const joinFields: readonly JoinField[] = ['displayName', 'email'];

export type JoinFieldError =
  | { key: 'displayNameRequired' }
  | { key: 'displayNameTooLong'; length: number }
  | { key: 'displayNameInvalid' }
  | { key: 'displayNameRejected' }
  | { key: 'emailInvalid' };
export type JoinErrors = Partial<Record<JoinField, JoinFieldError>>;

const { displayNameMax, emailMax } = personLimits;
// Deliberately loose: the server's check is stricter and its verdict is shown the same way.
const emailShape = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export function validateJoin(values: JoinValues): JoinErrors {
  const errors: JoinErrors = {};
  const name = values.displayName.trim();
  if (name === '') errors.displayName = { key: 'displayNameRequired' };
  else if (name.length > displayNameMax)
    errors.displayName = { key: 'displayNameTooLong', length: name.length };
  else if (!namePattern.test(name)) errors.displayName = { key: 'displayNameInvalid' };

  const email = values.email.trim();
  if (email !== '' && (email.length > emailMax || !emailShape.test(email))) {
    errors.email = { key: 'emailInvalid' };
  }
  return errors;
}

/** An empty email is left out: the server accepts a missing email, not an empty one. */
export function toRedeemBody(values: JoinValues): RedeemBody {
  const email = values.email.trim();
  return { displayName: values.displayName.trim(), ...(email ? { email } : {}) };
}

/** The server names fields `body.displayName`; anything it refused becomes that field's error. */
export function errorsFromServer(error: ApiError): JoinErrors {
  const errors: JoinErrors = {};
  for (const path of Object.keys(error.fields)) {
    const field = path.replace(/^body\./, '');
    if (field === 'displayName') errors.displayName = { key: 'displayNameRejected' };
    if (field === 'email') errors.email = { key: 'emailInvalid' };
  }
  return errors;
}

export function firstInvalidField(errors: JoinErrors): JoinField | undefined {
  return joinFields.find((field) => errors[field]);
}
