import { escapeLabel, MermaidIds } from '../../lib/diagram/mermaid-text';

describe('escapeLabel', () => {
  test('replaces every character Mermaid reads as syntax with its entity code', () => {
    // GIVEN / WHEN / THEN
    expect(escapeLabel('a "b" [c] {d} <e> f|g #h `i`')).toBe('a #quot;b#quot; #91;c#93; #123;d#125; #lt;e#gt; f#124;g #35;h #96;i#96;');
  });

  test('keeps plain text and turns line breaks into spaces', () => {
    expect(escapeLabel('eni web/mgmt (deploy-time), 10.0.1.10')).toBe('eni web/mgmt (deploy-time), 10.0.1.10');
    expect(escapeLabel('two\nlines\r\n')).toBe('two lines ');
  });
});

describe('MermaidIds', () => {
  test('gives plain ids with the prefix, the same id for the same key', () => {
    const ids = new MermaidIds();
    expect(ids.idOf('aws_instance.web-1', 'instance', 'web-1')).toBe('instance_web_1');
    expect(ids.idOf('aws_instance.web-1', 'instance', 'ignored')).toBe('instance_web_1');
  });

  test('numbers keys that sanitize alike, in the order they are asked for', () => {
    const ids = new MermaidIds();
    expect(['a-b', 'a_b', 'a.b', 'a-b'].map((key) => ids.idOf(key, 'eni'))).toEqual(['eni_a_b', 'eni_a_b_2', 'eni_a_b_3', 'eni_a_b']);
  });

  test('never gives a keyword or an id Mermaid would read as an edge ending', () => {
    const ids = new MermaidIds();
    for (const key of ['end', 'o', 'x', '', '---', 'subgraph']) {
      expect(ids.idOf(key, 'vip')).toMatch(/^vip(_[A-Za-z0-9_]+)?$/);
    }
  });
});
