import { describe, expect, it } from 'vitest';
import { RedeemInput } from '@plenum/shared';
import { ApiError } from '../../lib/api.ts';
import { errorsFromServer, firstInvalidField, toRedeemBody, validateJoin } from './joinForm.ts';

const values = (displayName: string, email = '') => ({ displayName, email });

describe('join form', () => {
  it('asks for a display name', () => {
    expect(validateJoin(values('   ')).displayName).toEqual({ key: 'displayNameRequired' });
  });

  it('refuses a display name over 80 characters and says how long it is', () => {
    expect(validateJoin(values('x'.repeat(81))).displayName).toEqual({
      key: 'displayNameTooLong',
      length: 81,
    });
  });

  it('accepts a display name of 80 characters after trimming', () => {
    expect(validateJoin(values(`  ${'x'.repeat(80)}  `))).toEqual({});
  });

  it('leaves out an empty email and trims what it sends', () => {
    expect(toRedeemBody(values('  Ada Lovelace ', '  '))).toEqual({ displayName: 'Ada Lovelace' });
    expect(toRedeemBody(values('Ada', ' ada@example.org '))).toEqual({
      displayName: 'Ada',
      email: 'ada@example.org',
    });
  });

  it.each([
    ['Ada Lovelace', ''],
    ['Jürgen Groß-Müller', 'j.gross@stadt-musterhausen.de'],
    ['', ''],
    ['x'.repeat(81), ''],
    ['Tab\there', ''],
    ['zero\u200Bwidth', ''],
    ['Ada', 'not-an-email'],
    ['Ada', 'ada@'],
    ['Ada', 'ada@example'],
    ['Ada', 'a b@example.org'],
  ])('agrees with the shared RedeemInput schema on %j / %j', (displayName, email) => {
    const body = toRedeemBody(values(displayName, email));
    const clientAccepts = Object.keys(validateJoin(values(displayName, email))).length === 0;
    expect(clientAccepts).toBe(RedeemInput.safeParse(body).success);
  });

  it('maps the server field errors to the form fields', () => {
    const error = new ApiError(400, 'validation_failed', 'Invalid input', {
      'body.displayName': 'at most 80 characters',
      'body.email': 'Invalid email address',
    });
    const errors = errorsFromServer(error);
    expect(errors).toEqual({
      displayName: { key: 'displayNameRejected' },
      email: { key: 'emailInvalid' },
    });
    expect(firstInvalidField(errors)).toBe('displayName');
  });
});
