import { Fn, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { Port } from '../../lib';
import { checkInstanceOf, checkProps } from '../../lib/core/prop-checks';

const SPEC = { subnet: 'SubnetReference', count: 'number?', names: 'string[]?', enabled: 'boolean?' } as const;

function stack(): TerraformStack {
  return new TerraformStack(Testing.app(), 'stack');
}

describe('checkProps', () => {
  test('passes for props of the right types, optional ones absent, and tokens of any kind', () => {
    // GIVEN
    const scope = stack();
    const list = new TerraformVariable(scope, 'names', { type: 'list(string)' });
    const count = new TerraformVariable(scope, 'count', { type: 'number' });
    // WHEN / THEN
    expect(() => checkProps(scope, { subnet: {} }, SPEC)).not.toThrow();
    expect(() => checkProps(scope, { subnet: {}, count: count.numberValue, names: list.listValue, enabled: false }, SPEC)).not.toThrow();
    expect(() => checkProps(scope, { subnet: {}, names: ['a', list.stringValue] }, SPEC)).not.toThrow();
  });

  test('fails when the props object is missing, naming what is required', () => {
    expect(() => checkProps(stack(), undefined, SPEC))
      .toThrow(/^\[MissingRequiredProp\] stack: props is required\. Received: nothing \(undefined\)\. Allowed: an object with subnet\./);
  });

  test('fails when a required prop is missing, with its path', () => {
    expect(() => checkProps(stack(), {}, SPEC)).toThrow(/^\[MissingRequiredProp\] stack: props\.subnet is required\..*Allowed: a SubnetReference\./);
  });

  test('fails when a prop has the wrong type: a string for a number, a number for an object', () => {
    expect(() => checkProps(stack(), { subnet: {}, count: '3' }, SPEC))
      .toThrow(/^\[InvalidPropType\] stack: props\.count has the wrong type\. Received: string "3"\. Allowed: a number\./);
    expect(() => checkProps(stack(), { subnet: 7 }, SPEC)).toThrow(/\[InvalidPropType\].*props\.subnet.*Received: number 7/);
    // NaN is a number to TypeScript as well: each construct's range check refuses it, with its own code.
    expect(() => checkProps(stack(), { subnet: {}, count: Number.NaN }, SPEC)).not.toThrow();
  });

  test('fails when a list element is null or of the wrong type, with its index', () => {
    expect(() => checkProps(stack(), { subnet: {}, names: ['a', null] }, SPEC))
      .toThrow(/^\[MissingRequiredProp\] stack: props\.names\[1\] is required/);
    expect(() => checkProps(stack(), { subnet: {}, names: 'a' }, SPEC)).toThrow(/\[InvalidPropType\].*props\.names.*Allowed: a list of strings/);
  });

  test('fails when text or a tag holds ${ or %{, which Terraform would read as an expression; tokens and Fn.rawString pass', () => {
    // GIVEN
    const spec = { description: 'text?', tags: 'tags?' };
    const scope = stack();
    const name = new TerraformVariable(scope, 'name', { type: 'string' });
    // WHEN / THEN
    expect(() => checkProps(scope, { description: 'web ${x}' }, spec))
      .toThrow(/^\[TemplateSequenceInText\] stack: props\.description holds `\$\{` or `%\{`.*Received: "web \$\{x\}"/);
    expect(() => checkProps(scope, { tags: { Name: 'a %{if x}' } }, spec)).toThrow(/\[TemplateSequenceInText\].*props\.tags\["Name"\]/);
    expect(() => checkProps(scope, { tags: { 'a${b}': 'x' } }, spec)).toThrow(/\[TemplateSequenceInText\].*props\.tags key/);
    expect(() => checkProps(scope, { tags: 'Name=web' }, spec)).toThrow(/\[InvalidPropType\].*props\.tags.*a map of tag keys to values/);
    expect(() => checkProps(scope, { description: `web ${name.stringValue}`, tags: { Name: Fn.rawString('a ${b}') } }, spec)).not.toThrow();
    expect(() => checkProps(scope, { description: 'costs $5 {per hour}' }, spec)).not.toThrow();
  });

  test('fails when a value is not one of the listed values (string enums)', () => {
    const spec = { mode: '=A|B?' };
    expect(() => checkProps(stack(), { mode: 'A' }, spec)).not.toThrow();
    expect(() => checkProps(stack(), { mode: 'C' }, spec)).toThrow(/^\[InvalidPropType\] stack: props\.mode has the wrong type\. Received: string "C"\. Allowed: one of A, B\./);
  });

  test('checkInstanceOf fails for a missing value or a look-alike plain object, passes for an instance', () => {
    expect(() => checkInstanceOf(stack(), Port.tcp(22), Port, 'props.port')).not.toThrow();
    expect(() => checkInstanceOf(stack(), undefined, Port, 'props.port')).toThrow(/^\[MissingRequiredProp\] stack: props\.port is required/);
    expect(() => checkInstanceOf(stack(), { protocol: 'tcp' }, Port, 'props.port'))
      .toThrow(/^\[InvalidPropType\] stack: props\.port has the wrong type\. Received: an object \(Object\)\. Allowed: a Port, made with its static methods\./);
  });

  test('fails when an optional prop is null: TypeScript props take undefined, never null', () => {
    expect(() => checkProps(stack(), { subnet: {}, count: null }, SPEC))
      .toThrow(/^\[InvalidPropType\] stack: props\.count has the wrong type\. Received: object null\. Allowed: a number, or nothing \(undefined\)\./);
  });
});
