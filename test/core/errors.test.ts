import { TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { NetworkConstraintError, NetworkConstraintErrorProps } from '../../lib/core/errors';

function nicScope(): Construct {
  const stack = new TerraformStack(Testing.app(), 'stack');
  return new Construct(stack, 'Nic');
}

function errorWith(extra: Partial<NetworkConstraintErrorProps> = {}): NetworkConstraintError {
  return new NetworkConstraintError({
    code: 'ReservedAddress',
    scope: nicScope(),
    problem: 'private IPv4 address is reserved',
    received: '10.0.1.1',
    allowed: '10.0.1.4 to 10.0.1.254',
    ...extra,
  });
}

describe('NetworkConstraintError', () => {
  test('GIVEN code, scope, problem, value and allowed range WHEN built THEN the message reads [Code] path: problem', () => {
    const error = errorWith();
    expect(error.message).toBe(
      '[ReservedAddress] stack/Nic: private IPv4 address is reserved. Received: 10.0.1.1. Allowed: 10.0.1.4 to 10.0.1.254.');
  });

  test('GIVEN the props WHEN built THEN they are exposed as fields for callers to match on', () => {
    const error = errorWith({ docUrl: 'https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html' });
    expect(error).toMatchObject({
      name: 'NetworkConstraintError',
      code: 'ReservedAddress',
      constructPath: 'stack/Nic',
      received: '10.0.1.1',
      allowed: '10.0.1.4 to 10.0.1.254',
      docUrl: 'https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html',
    });
  });

  test('GIVEN a thrown error WHEN caught THEN it is both an Error and a NetworkConstraintError', () => {
    expect(() => { throw errorWith(); }).toThrow(NetworkConstraintError);
    expect(errorWith()).toBeInstanceOf(Error);
  });

  test('GIVEN a fix without a full stop WHEN built THEN the message ends the fix with one', () => {
    expect(errorWith({ fix: 'Pick another address' }).message).toMatch(/\.254\. Pick another address\.$/);
  });

  test('GIVEN a fix with a full stop WHEN built THEN no second full stop is added', () => {
    expect(errorWith({ fix: 'Pick another address.' }).message).toMatch(/Pick another address\.$/);
  });

  test('GIVEN a doc URL WHEN built THEN the message ends with a See link after the fix', () => {
    const error = errorWith({ fix: 'Pick another address', docUrl: 'https://example.com/doc' });
    expect(error.message).toMatch(/Pick another address\. See https:\/\/example\.com\/doc$/);
  });

  test('GIVEN no fix and no doc URL WHEN built THEN the message stops after Allowed and docUrl is unset', () => {
    const error = errorWith();
    expect(error.message).toMatch(/Allowed: 10\.0\.1\.4 to 10\.0\.1\.254\.$/);
    expect(error.docUrl).toBeUndefined();
  });
});
