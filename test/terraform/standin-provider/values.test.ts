import { decodeValue, encodeValue, sameValue, UNKNOWN } from './values';

describe('msgpack values with unknowns', () => {
  test('GIVEN an unknown WHEN encoded THEN it is cty\'s extension 0 (d4 00 00)', () => {
    // WHEN
    const bytes = encodeValue(UNKNOWN);

    // THEN
    expect(bytes.toString('hex')).toBe('d40000');
  });

  test('GIVEN a refined unknown (extension 12 with a payload) WHEN decoded THEN it is an unknown', () => {
    // GIVEN {id: <ext8, type 12, carrying the refinements as the msgpack map {1: true}>}
    const bytes = Buffer.from([0x81, 0xa2, 0x69, 0x64, 0xc7, 0x03, 0x0c, 0x81, 0x01, 0xc3]);

    // WHEN
    const value = decodeValue(bytes);

    // THEN
    expect(value).toEqual({ id: UNKNOWN });
  });

  test('GIVEN nested values with unknowns WHEN encoded and decoded THEN they round-trip', () => {
    // GIVEN
    const value = { id: UNKNOWN, cidr: '10.0.0.0/16', count: 2, on: true, tags: { a: 'b' }, blocks: [{ x: null, y: UNKNOWN }] };

    // WHEN
    const roundTripped = decodeValue(encodeValue(value));

    // THEN
    expect(roundTripped).toEqual(value);
  });

  test('GIVEN no bytes (no prior state) WHEN decoded THEN the value is null', () => {
    // WHEN / THEN
    expect(decodeValue(undefined)).toBeNull();
    expect(decodeValue(Buffer.alloc(0))).toBeNull();
  });

  test('GIVEN an unknown WHEN compared with itself THEN it is a change (it may become anything)', () => {
    // WHEN / THEN
    expect(sameValue(UNKNOWN, UNKNOWN)).toBe(false);
    expect(sameValue({ a: [1, 'x'] }, { a: [1, 'x'] })).toBe(true);
    expect(sameValue({ a: null }, {})).toBe(true);
  });
});
