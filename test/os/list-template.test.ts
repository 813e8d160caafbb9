import { Fn, TerraformOutput, TerraformStack, Testing, Token } from 'cdktf';
import { firstElement, isListToken, renderEach } from '../../lib/os/list-template';

function synthesized(value: string): string {
  const stack = new TerraformStack(Testing.app(), 'list');
  new TerraformOutput(stack, 'probe', { value });
  return JSON.parse(Testing.synth(stack)).output.probe.value;
}

describe('renderEach', () => {
  test('GIVEN a literal list THEN each element is rendered and joined', () => {
    expect(renderEach(['a', 'b'], (x) => `- ${x}/32`, '\n')).toBe('- a/32\n- b/32');
  });

  test('GIVEN a literal list of tokens THEN each element renders as its own reference', () => {
    const element = Fn.lower('A');
    expect(synthesized(renderEach([element, 'b'], (x) => `<${x}>`, ','))).toBe('<${lower("A")}>,<b>');
  });

  test('GIVEN a list token THEN Terraform joins the elements with the text around them', () => {
    const list = Token.asList(Fn.sort(['b', 'a']));
    expect(isListToken(list)).toBe(true);
    expect(synthesized(renderEach(list, (x) => `- ${x}/32`, '\n'))).toBe('- ${join("/32\\n- ", sort(["b", "a"]))}/32');
  });
});

describe('firstElement', () => {
  test('GIVEN a literal list THEN its first element', () => {
    expect(firstElement(['a', 'b'])).toBe('a');
  });

  test('GIVEN a list token THEN an element(list, 0) reference', () => {
    expect(synthesized(firstElement(Token.asList(Fn.sort(['b', 'a']))))).toBe('${element(sort(["b", "a"]), 0)}');
  });
});
