import { NetworkInterface } from '@cdktf/provider-aws/lib/network-interface';
import { Construct } from 'constructs';
import { testNetwork, testStack } from './rule-test-helpers';
import { RuleIndex } from '../../lib/checks/rule-index';

describe('RuleIndex', () => {
  test('ties each resource to the construct that declares it, by the path cdktf writes into its metadata', () => {
    // GIVEN an interface below a construct, with its logical id overridden
    const stack = testStack();
    const { subnets } = testNetwork(stack);
    const eni = new NetworkInterface(new Construct(stack, 'web'), 'mgmt', { subnetId: subnets[0].id });
    eni.overrideLogicalId('management');
    // WHEN
    const index = new RuleIndex(stack, stack.toTerraform(), (type) => (type === 'aws_network_interface' ? 'eni' : undefined));
    // THEN
    const resource = index.resourceAt('aws_network_interface.management')!;
    expect(resource.construct).toBe(eni);
    expect(resource.path).toBe('web/mgmt');
    expect(resource.label).toBe('eni "web/mgmt"');
    expect(index.resources('aws_subnet').map((s) => s.label)).toEqual(['aws_subnet "subnet-a"']);
    expect(index.hasResourcesOf('aws_')).toBe(true);
    expect(index.hasResourcesOf('alicloud_')).toBe(false);
  });

  test('a resource written by an override, with no construct, is reported on the stack under its address', () => {
    // GIVEN
    const stack = testStack();
    stack.addOverride('resource.aws_network_interface.raw', { subnet_id: 'subnet-0123456789abcdef0' });
    // WHEN
    const resource = new RuleIndex(stack, stack.toTerraform()).resourceAt('aws_network_interface.raw')!;
    // THEN
    expect(resource.construct).toBe(stack);
    expect(resource.path).toBe('aws_network_interface.raw');
  });

  test('skips entries that are not objects (a raw override can write anything)', () => {
    const stack = testStack();
    stack.addOverride('resource.aws_network_interface.broken', 'not a resource');
    expect(new RuleIndex(stack, stack.toTerraform()).resources('aws_network_interface')).toEqual([]);
  });
});
