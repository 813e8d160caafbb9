import { expandInstances } from '../../lib/checks/instance-expansion';

/** The instance names `expandInstances` returns for a block named `web`. */
function namesOf(body: Record<string, unknown>): string[] {
  return expandInstances('web', body).map((instance) => instance.name);
}

describe('expandInstances', () => {
  describe('count', () => {
    test('expands a literal count into one instance per index, without the count', () => {
      // GIVEN
      const body = { count: 2, subnet_id: 'subnet-a' };
      // WHEN
      const instances = expandInstances('web', body);
      // THEN
      expect(instances).toEqual([
        { name: 'web[0]', body: { subnet_id: 'subnet-a' } },
        { name: 'web[1]', body: { subnet_id: 'subnet-a' } },
      ]);
    });

    test('expands count = 0 into no instance at all', () => {
      expect(expandInstances('web', { count: 0 })).toEqual([]);
    });

    test('expands a count written as a numeric string', () => {
      expect(namesOf({ count: '3' })).toEqual(['web[0]', 'web[1]', 'web[2]']);
    });

    test.each([
      ['an input variable', '${var.copies}'],
      ['a negative number', -1],
      ['a fraction', 1.5],
      ['a non-numeric string', 'two'],
    ])('keeps one resource, with its count, for %s', (_what, count) => {
      // GIVEN
      const body = { count, subnet_id: 'subnet-a' };
      // WHEN / THEN
      expect(expandInstances('web', body)).toEqual([{ name: 'web', body }]);
    });

    test('keeps one resource for more than 256 copies, and expands 256', () => {
      // GIVEN / WHEN / THEN
      expect(namesOf({ count: 257 })).toEqual(['web']);
      expect(namesOf({ count: 256 })).toHaveLength(256);
    });

    test('folds `${count.index}` alone into the number', () => {
      // GIVEN
      const body = { count: 2, device_index: '${count.index}' };
      // WHEN
      const instances = expandInstances('web', body);
      // THEN
      expect(instances.map((i) => i.body.device_index)).toEqual([0, 1]);
    });

    test('writes the index into a string around it', () => {
      const instances = expandInstances('web', { count: 2, tags: { Name: 'web-${count.index}' } });
      expect(instances.map((i) => i.body.tags)).toEqual([{ Name: 'web-0' }, { Name: 'web-1' }]);
    });

    test('turns `[count.index]` in a reference into a reference to one instance', () => {
      const instances = expandInstances('web', { count: 2, subnet_id: '${aws_subnet.a[count.index].id}' });
      expect(instances.map((i) => i.body.subnet_id)).toEqual(['${aws_subnet.a[0].id}', '${aws_subnet.a[1].id}']);
    });

    test('writes the index into nested blocks and lists', () => {
      // GIVEN
      const body = { count: 1, network_interface: [{ device_index: '${count.index}', private_ips: ['10.0.0.1${count.index}'] }] };
      // WHEN
      const [instance] = expandInstances('web', body);
      // THEN
      expect(instance.body).toEqual({ network_interface: [{ device_index: 0, private_ips: ['10.0.0.10'] }] });
    });

    test('leaves an expression that is still not a literal as an expression', () => {
      const [instance] = expandInstances('web', { count: 1, private_ip: '${cidrhost(var.cidr, count.index + 10)}' });
      expect(instance.body.private_ip).toBe('${cidrhost(var.cidr, 0 + 10)}');
    });
  });

  describe('for_each', () => {
    test('expands a list of strings, keyed by each string, with each.key and each.value written in', () => {
      // GIVEN
      const body = { for_each: ['a', 'b', 'a'], name: '${each.key}-${each.value}' };
      // WHEN
      const instances = expandInstances('web', body);
      // THEN duplicates make one instance, as in a set
      expect(instances).toEqual([
        { name: 'web["a"]', body: { name: 'a-a' } },
        { name: 'web["b"]', body: { name: 'b-b' } },
      ]);
    });

    test('expands a map, with each.value the value of each key', () => {
      // GIVEN
      const body = { for_each: { front: '10.0.0.10', back: 11 }, private_ip: '${each.value}', description: 'eni ${each.key}' };
      // WHEN
      const instances = expandInstances('web', body);
      // THEN
      expect(instances).toEqual([
        { name: 'web["front"]', body: { private_ip: '10.0.0.10', description: 'eni front' } },
        { name: 'web["back"]', body: { private_ip: 11, description: 'eni back' } },
      ]);
    });

    test('keeps each.value an expression when the value of a map is an object', () => {
      const [instance] = expandInstances('web', { for_each: { front: { ip: '10.0.0.10' } }, key: '${each.key}', private_ip: '${each.value.ip}' });
      expect(instance).toEqual({ name: 'web["front"]', body: { key: 'front', private_ip: '${each.value.ip}' } });
    });

    test('expands `${toset([...])}` of string literals, as cdktf writes a literal list', () => {
      expect(namesOf({ for_each: '${toset(["a", "b"])}' })).toEqual(['web["a"]', 'web["b"]']);
    });

    test('turns `[each.key]` in a reference into a reference to one instance', () => {
      const instances = expandInstances('web', { for_each: ['a'], subnet_id: '${aws_subnet.a[each.key].id}' });
      expect(instances.map((i) => i.body.subnet_id)).toEqual(['${aws_subnet.a["a"].id}']);
    });

    test.each([
      ['an input variable', '${var.names}'],
      ['a set of a variable', '${toset(var.names)}'],
      ['a list holding a non-string', ['a', 1]],
    ])('keeps one resource, with its for_each, for %s', (_what, forEach) => {
      const body = { for_each: forEach };
      expect(expandInstances('web', body)).toEqual([{ name: 'web', body }]);
    });

    test('keeps one resource for more than 256 keys', () => {
      const keys = Array.from({ length: 257 }, (_, i) => `k${i}`);
      expect(namesOf({ for_each: keys })).toEqual(['web']);
    });
  });

  test('keeps a name that already names one instance (a plan, an earlier expansion)', () => {
    // GIVEN
    const body = { count: 2, subnet_id: '${aws_subnet.a[count.index].id}' };
    // WHEN / THEN
    expect(expandInstances('web[0]', body)).toEqual([{ name: 'web[0]', body }]);
    expect(expandInstances('web["a"]', body)).toEqual([{ name: 'web["a"]', body }]);
  });

  test('keeps one resource with neither count nor for_each, or with both (Terraform refuses that)', () => {
    expect(namesOf({ subnet_id: 'subnet-a' })).toEqual(['web']);
    expect(namesOf({ count: 2, for_each: ['a'] })).toEqual(['web']);
  });
});
