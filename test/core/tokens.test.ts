import { Token } from 'cdktf';
import { isUnresolved, literal } from '../../lib/core/tokens';

const stringToken = Token.asString({ Ref: 'ip' });
const numberToken = Token.asNumber({ Ref: 'count' });
const listToken = Token.asList({ Ref: 'ips' });

describe('isUnresolved', () => {
  test.each([
    ['a string token', stringToken],
    ['a string with a token inside', `10.0.${stringToken}.4`],
    ['a number token', numberToken],
    ['a list token', listToken],
    ['a list with a token element', ['10.0.1.4', stringToken]],
  ])('GIVEN %s WHEN checked THEN it is unresolved', (_, value) => {
    expect(isUnresolved(value)).toBe(true);
  });

  test.each([
    ['a literal string', '10.0.1.4'],
    ['a literal number', 3],
    ['a list of literals', ['10.0.1.4', '10.0.1.5']],
    ['an empty list', []],
    ['undefined', undefined],
    ['null', null],
  ])('GIVEN %s WHEN checked THEN it is resolved', (_, value) => {
    expect(isUnresolved(value)).toBe(false);
  });
});

describe('literal', () => {
  test('GIVEN a literal value WHEN read THEN it is returned unchanged', () => {
    const list = ['10.0.1.4'];
    expect(literal('10.0.1.4')).toBe('10.0.1.4');
    expect(literal(0)).toBe(0);
    expect(literal(list)).toBe(list);
  });

  test.each([
    ['a string token', stringToken],
    ['a number token', numberToken],
    ['a list holding a token', [stringToken]],
    ['undefined', undefined],
  ])('GIVEN %s WHEN read THEN it is undefined', (_, value) => {
    expect(literal<unknown>(value)).toBeUndefined();
  });
});
