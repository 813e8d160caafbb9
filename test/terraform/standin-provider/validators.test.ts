import { attributeKeys, compileValidator, literalDefault, UnsupportedRule } from './validators';

describe('ValidateFunc rebuilt from the notes\' Go source', () => {
  test.each([
    ['StringInSlice([]string{"NAT", "MULTI_BINDED", "BINDED"}, false)', 'FOO', 'expected mode to be one of ["NAT" "MULTI_BINDED" "BINDED"], got FOO'],
    ['validation.IntBetween(1, 100)', 500, 'expected mode to be in the range (1 - 100), got 500'],
    ['IntInSlice([]int{1, 2, 3, 6, 12})', 5, 'expected mode to be one of [1 2 3 6 12], got 5'],
    ['StringLenBetween(2, 128)', 'x', 'expected length of mode to be in the range (2 - 128), got x'],
    ['StringMatch(regexp.MustCompile(`^ecs\\..*`), "prefix must be \'ecs.\'")', 't5.small', 'invalid value for mode (prefix must be \'ecs.\')'],
    ['validation.StringInSlice([]string{"ingress", "egress"}, false)', 7, 'expected type of mode to be string'],
  ])('GIVEN %s WHEN the value is %p THEN it reports the SDK\'s message', (source, value, message) => {
    // GIVEN
    const validate = compileValidator(source);

    // WHEN
    const errors = validate(value, 'mode');

    // THEN
    expect(errors).toEqual([message]);
  });

  test.each([
    ['StringInSlice([]string{"NAT", "BINDED"}, false)', 'NAT'],
    ['validation.StringInSlice([]string{"auto", "none", }, true)', 'AUTO'],
    ['IntBetween(1, 10)', 10],
    ['validation.Any(validation.IntBetween(1, 9), validation.IntInSlice([]int{12, 24, 36}))', 24],
    ['validation.StringDoesNotMatch(regexp.MustCompile(`(^acs:.*)`), "")', 'web'],
  ])('GIVEN %s WHEN the value is %p THEN it accepts it', (source, value) => {
    // GIVEN
    const validate = compileValidator(source);

    // WHEN
    const errors = validate(value, 'key');

    // THEN
    expect(errors).toEqual([]);
  });

  test('GIVEN validation.Any WHEN no alternative accepts the value THEN it reports every alternative\'s message', () => {
    // GIVEN
    const validate = compileValidator('validation.Any(IntBetween(1, 9), IntInSlice([]int{12, 24}))');

    // WHEN
    const errors = validate(10, 'period');

    // THEN
    expect(errors).toEqual(['expected period to be in the range (1 - 9), got 10', 'expected period to be one of [12 24], got 10']);
  });

  test.each([
    'StringInSlice([]string{string(common.PrePaid), string(common.PostPaid)}, false)',
    'validateJSONObject',
    'validation.IsCIDR',
    'StringInSlice([]string{"a"}',
  ])('fails when the source is %s, which the stand-in cannot rebuild', (source) => {
    // WHEN / THEN
    expect(() => compileValidator(source)).toThrow(UnsupportedRule);
  });
});

describe('attribute keys and defaults', () => {
  test('GIVEN ConflictsWith as strings.Fields WHEN read THEN it is the list of keys', () => {
    // WHEN
    const keys = attributeKeys('strings.Fields("source_vswitch_id other")');

    // THEN
    expect(keys).toEqual(['source_vswitch_id', 'other']);
  });

  test.each([
    ['"\\"active\\""', 'active'],
    ['"4"', 4],
    ['"false"', false],
    ['"RenewNormal"', undefined],
  ])('GIVEN the Default %s WHEN read THEN it is %p', (json, expected) => {
    // WHEN
    const value = literalDefault(JSON.parse(json));

    // THEN
    expect(value).toEqual(expected);
  });
});
