import { aliNetwork, aliStack, associateEip, attach, ecs, eni, RawResource } from './ali-test-helpers';
import { AliIndex } from '../../../lib/alicloud/rules/ali-index';

describe('AliIndex', () => {
  test('reads the deprecated twins as the resources they alias', () => {
    // GIVEN alicloud_network_interface attached by alicloud_network_interface_attachment
    const stack = aliStack();
    const { vswitches: [vsw], group } = aliNetwork(stack);
    const host = ecs(stack, 'host', { vswitch_id: vsw.id, security_groups: [group.id] });
    const old = new RawResource(stack, 'old', 'alicloud_network_interface', { vswitch_id: vsw.id });
    new RawResource(stack, 'old-attach', 'alicloud_network_interface_attachment', { instance_id: host.id, network_interface_id: old.id });
    // WHEN
    const index = AliIndex.build(stack);
    // THEN
    const [record] = index.hosts;
    expect(record.attachments.map((a) => [a.kind, a.label])).toEqual([
      ['primary', 'the primary ENI of instance "host"'],
      ['attachment-resource', 'eni "old"'],
    ]);
    expect(index.attachmentsOf(record.attachments[1].eniResource!).map((a) => a.source.address)).toEqual(['alicloud_network_interface_attachment.old-attach']);
  });

  test('names what an instance_id targets, by reference or by the prefix of a literal id', () => {
    const stack = aliStack();
    const { vswitches: [vsw], group } = aliNetwork(stack);
    const primary = eni(stack, 'primary', { vswitch_id: vsw.id });
    const host = ecs(stack, 'host', { network_interface_id: primary.id, security_groups: [group.id] });
    associateEip(stack, 'by-ref', host.id);
    associateEip(stack, 'by-primary', host.ref('network_interface_id'));
    associateEip(stack, 'by-id', 'ngw-bp1abc');
    associateEip(stack, 'unknown', 'something-else');
    const index = AliIndex.build(stack);
    expect(index.eipAssociations.map(({ target }) => [target.kind, target.label, target.key])).toEqual([
      ['EcsInstance', 'instance "host"', 'alicloud_instance.host'],
      ['NetworkInterface', 'eni "primary"', 'alicloud_ecs_network_interface.primary'],
      ['Nat', 'nat gateway "ngw-bp1abc"', '"ngw-bp1abc"'],
      [undefined, 'resource "something-else"', '"something-else"'],
    ]);
  });

  test('knows which resource waits for which, directly, by depends_on, or through another resource', () => {
    // GIVEN attachment -> (depends_on) marker -> (reference) association
    const stack = aliStack();
    const { vswitches: [vsw], group } = aliNetwork(stack);
    const host = ecs(stack, 'host', { vswitch_id: vsw.id, security_groups: [group.id] });
    const nic = eni(stack, 'eni1', { vswitch_id: vsw.id });
    const association = associateEip(stack, 'eip', nic.id, { instance_type: 'NetworkInterface', mode: 'BINDED' });
    const marker = new RawResource(stack, 'marker', 'alicloud_vpc', { description: `after ${association.id}` });
    attach(stack, 'late', host, nic, { dependsOn: [marker] });
    attach(stack, 'early', host, nic);
    // WHEN
    const index = AliIndex.build(stack);
    const at = (address: string) => index.resourceAt(address)!;
    // THEN
    expect(index.dependsOn(at('alicloud_ecs_network_interface_attachment.late'), at('alicloud_eip_association.eip'))).toBe(true);
    expect(index.dependsOn(at('alicloud_ecs_network_interface_attachment.early'), at('alicloud_eip_association.eip'))).toBe(false);
    expect(index.dependsOn(at('alicloud_eip_association.eip'), at('alicloud_ecs_network_interface.eni1'))).toBe(true);
  });
});
