import { NetworkInterface } from '@cdktf/provider-aws/lib/network-interface';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Fn, TerraformStack, TerraformVariable } from 'cdktf';
import { MarkerRole, MarkerTag } from '../../../lib/aws/marker-tags';
import { NetworkInterface as LibraryNetworkInterface } from '../../../lib/aws/network-interface';
import { SubnetReference } from '../../../lib/aws/subnet-reference';
import { NetworkSuppressions } from '../../../lib/checks/network-suppressions';
import { checkStack, testNetwork, testStack } from '../../checks/rule-test-helpers';

/** Tags of an interface that carries `vips` in secondary-IP mode. */
function vipTags(vips: string): Record<string, string> {
  return { [MarkerTag.role]: MarkerRole.virtualIp, [MarkerTag.virtualIps]: vips };
}

function carrier(stack: TerraformStack, id: string, subnetId: string, vips: string): NetworkInterface {
  return new NetworkInterface(stack, id, { subnetId, tags: vipTags(vips) });
}

describe('NIC050 virtual IP and its interfaces in one subnet', () => {
  test('passes when both interfaces of the pair and their virtual IPs are in one subnet', () => {
    // GIVEN
    const stack = testStack();
    const { subnets } = testNetwork(stack);
    carrier(stack, 'active', subnets[0].id, '10.0.0.50, 10.0.0.51');
    carrier(stack, 'standby', subnets[0].id, '10.0.0.50,10.0.0.51');
    // an untagged interface elsewhere is none of this rule's business
    new NetworkInterface(stack, 'plain', { subnetId: subnets[0].id, tags: { Name: 'plain' } });
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.of('NIC050')).toEqual([]);
  });

  test('fails when a virtual IP lies outside the subnet of an interface that carries it', () => {
    // GIVEN the standby in subnet-b (10.0.1.0/24) carrying a VIP of subnet-a
    const stack = testStack();
    const { subnets } = testNetwork(stack, ['us-east-1a', 'us-east-1a']);
    carrier(stack, 'active', subnets[0].id, '10.0.0.50');
    carrier(stack, 'standby', subnets[1].id, '10.0.0.50');
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.errors('NIC050').map((f) => [f.path, f.message])).toEqual([[
      'stack/standby',
      '[NIC050] eni "standby" carries virtual IP "10.0.0.50" (tag nic-patterns:virtual-ips), outside subnet "subnet-b" (10.0.1.0/24), the subnet it is created in. '
        + 'Fix: create every interface that carries 10.0.0.50 in the subnet that holds it, or pick a virtual IP of 10.0.1.0/24; '
        + 'a virtual IP outside the VPC needs an overlay route instead of a secondary address. '
        + 'See https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/MultipleIP.html',
    ]]);
  });

  test('fails when the interfaces of one virtual IP are in different subnets, even with CIDRs only known at deploy time', () => {
    const stack = testStack();
    const { vpc } = testNetwork(stack);
    const [a, b] = [8, 9].map((netnum) => new Subnet(stack, `computed-${netnum}`, { vpcId: vpc.id, cidrBlock: Fn.cidrsubnet(vpc.cidrBlock, 8, netnum) }));
    carrier(stack, 'active', a.id, '10.0.0.50');
    carrier(stack, 'standby', b.id, '10.0.0.50');
    const findings = checkStack(stack);
    expect(findings.errors('NIC050').map((f) => [f.path, f.message.split('. Fix')[0]])).toEqual([[
      'stack/standby',
      '[NIC050] virtual IP "10.0.0.50" is carried by eni "standby" in subnet "computed-9" and by eni "active" in subnet "computed-8": '
        + 'a secondary private IP only moves between interfaces of one subnet',
    ]]);
  });

  test('fails for a reserved address and for a value that is not an address', () => {
    const stack = testStack();
    const { subnets } = testNetwork(stack);
    carrier(stack, 'active', subnets[0].id, '10.0.0.1,vip');
    expect(checkStack(stack).errors('NIC050').map((f) => f.message.split('. Fix')[0])).toEqual([
      '[NIC050] eni "active" carries virtual IP "10.0.0.1" (tag nic-patterns:virtual-ips), one of the 5 addresses AWS reserves in subnet "subnet-a" (10.0.0.0/24) (VPC router)',
      '[NIC050] eni "active" carries virtual IP "vip" (tag nic-patterns:virtual-ips), which is not an IPv4 address',
    ]);
  });

  test('reads the marker tags of the library interface', () => {
    const stack = testStack();
    const { subnets } = testNetwork(stack, ['us-east-1a', 'us-east-1a']);
    new LibraryNetworkInterface(stack, 'active', { subnet: SubnetReference.fromSubnet(subnets[1]), tags: vipTags('10.0.0.50') });
    expect(checkStack(stack).errors('NIC050').map((f) => f.path)).toEqual(['stack/active/Resource']);
  });

  describe('cannot verify', () => {
    test('reports INFO, not a pass or a fail, when the virtual IPs are only known at deploy time', () => {
      // GIVEN
      const stack = testStack();
      const { subnets } = testNetwork(stack);
      const vip = new TerraformVariable(stack, 'vip', { type: 'string' });
      carrier(stack, 'active', subnets[0].id, vip.stringValue);
      // WHEN
      const findings = checkStack(stack);
      // THEN
      expect(findings.errors('NIC050')).toEqual([]);
      expect(findings.cannotVerify('NIC050').map((f) => [f.path, f.message.split(': ').slice(1).join(': ').split(' See')[0]])).toEqual([
        ['stack/active', 'its nic-patterns:virtual-ips tag is "${var.vip}", an input variable, only known at deploy time.'],
      ]);
    });

    test('reports INFO when the subnet is outside the stack', () => {
      const stack = testStack();
      carrier(stack, 'active', 'subnet-0123456789abcdef0', '10.0.0.50');
      const findings = checkStack(stack);
      expect(findings.errors('NIC050')).toEqual([]);
      expect(findings.cannotVerify('NIC050')[0].message).toMatch(/the subnet of eni "active" \(subnet_id\) is "subnet-0123456789abcdef0"/);
    });
  });

  test('fails when suppressing it: EC2 refuses to move the address', () => {
    const stack = testStack();
    const { subnets } = testNetwork(stack);
    const eni = carrier(stack, 'active', subnets[0].id, '10.0.0.50');
    expect(() => NetworkSuppressions.addSuppressions(eni, [{ id: 'NIC050', reason: 'the VIP is moved by hand' }]))
      .toThrow(/\[HardLimitNotSuppressible\] stack\/active: NIC050/);
  });
});
