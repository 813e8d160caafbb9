import { TerraformStack, Testing, Token } from 'cdktf';
import { Construct } from 'constructs';
import {
  HaActiveSide, HaFailoverNic, HaFailoverNicProps, HaMember, InstanceReference, Ipv4Assignment, SubnetReference,
} from '../../../lib';
import { expectConstraintError, networkStack, resourcesOf } from '../fixtures';

const MEMBER = { ami: 'ami-0123456789abcdef0', instanceType: 't3.small' };

function pair(overrides: Partial<HaFailoverNicProps> = {}) {
  const fixture = networkStack();
  const nic = new HaFailoverNic(fixture.stack, 'web', {
    subnet: SubnetReference.fromSubnet(fixture.subnetA),
    privateIpv4: Ipv4Assignment.addresses('10.0.1.10'),
    elasticIp: true,
    primary: HaMember.launch(MEMBER),
    standby: HaMember.launch(MEMBER),
    ...overrides,
  });
  return { ...fixture, nic };
}

function attachment(stack: Parameters<typeof resourcesOf>[0]) {
  const attachments = Object.values(resourcesOf(stack, 'aws_network_interface_attachment'));
  expect(attachments).toHaveLength(1);
  return attachments[0];
}

describe('HaFailoverNic', () => {
  test('synthesizes a pair with Terraform placing the interface, as in the snapshot', () => {
    const { stack } = pair();
    expect(Testing.synth(stack)).toMatchSnapshot();
  });

  test('attaches the retained interface to the primary by default, tagged as a failover interface', () => {
    const { stack, nic } = pair();
    expect(attachment(stack)).toMatchObject({
      device_index: 1,
      instance_id: `\${aws_instance.${nic.primaryLaunched!.resource.friendlyUniqueId}.id}`,
    });
    const eni = resourcesOf(stack, 'aws_network_interface')[nic.networkInterface.resource.friendlyUniqueId];
    expect(eni.tags).toEqual({ 'nic-patterns:role': 'failover', 'nic-patterns:failover-pair': nic.pairName });
    expect(eni).not.toHaveProperty('lifecycle');
  });

  test('switching to the standby changes only the attachment', () => {
    // GIVEN the same pair with each side active
    const primary = pair({ active: HaActiveSide.PRIMARY });
    const standby = pair({ active: HaActiveSide.STANDBY });
    // THEN interface, Elastic IP and association are identical and the attachment points elsewhere
    for (const type of ['aws_network_interface', 'aws_eip', 'aws_eip_association', 'aws_instance']) {
      expect(resourcesOf(standby.stack, type)).toEqual(resourcesOf(primary.stack, type));
    }
    expect(attachment(standby.stack).instance_id).toBe(`\${aws_instance.${standby.nic.standbyLaunched!.resource.friendlyUniqueId}.id}`);
    expect(attachment(primary.stack).instance_id).not.toBe(attachment(standby.stack).instance_id);
  });

  test('protects the interface and Elastic IP from destroy when asked', () => {
    const { stack, nic } = pair({ preventDestroy: true });
    const eni = resourcesOf(stack, 'aws_network_interface')[nic.networkInterface.resource.friendlyUniqueId];
    expect(eni.lifecycle).toEqual({ prevent_destroy: true });
    expect(Object.values(resourcesOf(stack, 'aws_eip'))[0].lifecycle).toEqual({ prevent_destroy: true });
  });

  test('serves existing instances without launching any', () => {
    const { stack } = pair({
      primary: HaMember.existing(InstanceReference.fromInstanceId('i-primary', { instanceType: 't3.small' })),
      standby: HaMember.existing(InstanceReference.fromInstanceId('i-standby', { instanceType: 't3.small' })),
      active: HaActiveSide.STANDBY,
    });
    // Only the fixture's own instance exists: the pair launched none.
    expect(Object.keys(resourcesOf(stack, 'aws_instance'))).toEqual(['host']);
    expect(attachment(stack).instance_id).toBe('i-standby');
  });

  test('GIVEN existing members and the agent WHEN synthesized THEN the placement waits for their pair tags and the policy', () => {
    // GIVEN
    const { stack, nic } = pair({
      primary: HaMember.existing(InstanceReference.fromInstanceId('i-0aaaaaaaaaaaaaaa1', { instanceType: 't3.small' })),
      standby: HaMember.existing(InstanceReference.fromInstanceId('i-0bbbbbbbbbbbbbbb2', { instanceType: 't3.small' })),
      failoverAgent: {},
    });
    // WHEN
    const [invocation] = Object.values(resourcesOf(stack, 'aws_lambda_invocation'));
    // THEN: the first request would meet UnauthorizedOperation without them (defect 8)
    const tags = Object.keys(resourcesOf(stack, 'aws_ec2_tag')).map((id) => `aws_ec2_tag.${id}`);
    expect(tags).toHaveLength(2);
    expect(invocation.depends_on).toEqual([`aws_iam_role_policy.${nic.agent!.policy.friendlyUniqueId}`, ...tags]);
  });

  test('fails when a launched member is in another Availability Zone', () => {
    const { stack, subnetA } = networkStack();
    expectConstraintError(() => new HaFailoverNic(stack, 'web', {
      subnet: SubnetReference.fromSubnet(subnetA),
      primary: HaMember.launch(MEMBER),
      standby: HaMember.launch({ ...MEMBER, subnet: SubnetReference.fromSubnetId('subnet-b', { availabilityZone: 'us-east-1b' }) }),
    }), 'AvailabilityZoneMismatch', ['test/web', 'standby in us-east-1b', 'members in us-east-1a']);
  });

  test('fails when an existing member is in another Availability Zone', () => {
    const { stack, subnetA } = networkStack();
    expectConstraintError(() => new HaFailoverNic(stack, 'web', {
      subnet: SubnetReference.fromSubnet(subnetA),
      primary: HaMember.existing(InstanceReference.fromInstanceId('i-1', { availabilityZone: 'us-east-1c' })),
      standby: HaMember.launch(MEMBER),
    }), 'AvailabilityZoneMismatch', ['primary in us-east-1c']);
  });

  test('fails when primary and standby are the same instance', () => {
    const { stack, subnetA } = networkStack();
    expectConstraintError(() => new HaFailoverNic(stack, 'web', {
      subnet: SubnetReference.fromSubnet(subnetA),
      primary: HaMember.existing(InstanceReference.fromInstanceId('i-1')),
      standby: HaMember.existing(InstanceReference.fromInstanceId('i-1')),
    }), 'SameInstanceTwice', ['test/web', 'i-1', 'two distinct instances']);
  });

  test('fails when the standby could not take the interface\'s addresses', () => {
    // GIVEN three addresses, which a t3.micro (2 per interface) cannot carry
    const { stack, subnetA } = networkStack();
    expectConstraintError(() => new HaFailoverNic(stack, 'web', {
      subnet: SubnetReference.fromSubnet(subnetA),
      privateIpv4: Ipv4Assignment.count(2),
      primary: HaMember.launch({ ...MEMBER, instanceType: 'm5.large' }),
      standby: HaMember.launch({ ...MEMBER, instanceType: 't3.micro' }),
    }), 'TooManyPrivateIpv4Addresses', ['at most 2 on t3.micro']);
  });

  test.each([
    ['without the agent (Terraform attaches)', undefined],
    ['with the agent (the agent attaches)', {}],
  ])('fails when attached at device index 0, %s', (_name, failoverAgent) => {
    expectConstraintError(() => pair({ deviceIndex: 0, failoverAgent }), 'PrimaryDeviceIndex', ['test/web', 'deviceIndex 0']);
  });

  test('accepts token instance ids', () => {
    expect(() => pair({
      primary: HaMember.existing(InstanceReference.fromInstanceId(Token.asString({ Ref: 'a' }))),
      standby: HaMember.existing(InstanceReference.fromInstanceId(Token.asString({ Ref: 'b' }))),
    })).not.toThrow();
  });
});

describe('HaFailoverNic pair names', () => {
  /** A pair with the fixture's subnet in `scope`, whose stack is `stack`. */
  function pairIn(stack: TerraformStack, scope: Construct, id: string, overrides: Partial<HaFailoverNicProps> = {}) {
    const subnet = SubnetReference.fromSubnetId(`subnet-${stack.node.id}`, { availabilityZone: 'us-east-1a' });
    return new HaFailoverNic(scope, id, { subnet, primary: HaMember.launch(MEMBER), standby: HaMember.launch(MEMBER), ...overrides });
  }

  test('derives the default from the construct id and a hash of its path, the same from one synth to the next', () => {
    const first = pair().nic.pairName;
    expect(first).toMatch(/^web-[0-9a-f]{8}$/);
    expect(pair().nic.pairName).toBe(first);
  });

  test('two pairs with the same id in two stacks of one app get different names, so different AWS names', () => {
    // GIVEN two stacks of one app, each with a pair 'web' and its agent
    const app = Testing.app();
    const stacks = ['blue', 'green'].map((id) => new TerraformStack(app, id));
    const [blue, green] = stacks.map((stack) => pairIn(stack, stack, 'web', { failoverAgent: {} }));
    // THEN names, tags and the names built from them differ
    expect(blue.pairName).not.toBe(green.pairName);
    const names = stacks.map((stack) => [
      ...Object.values(resourcesOf(stack, 'aws_iam_role')).map((r) => r.name),
      ...Object.values(resourcesOf(stack, 'aws_lambda_function')).map((f) => f.function_name),
    ]);
    expect(names[0].filter((name) => names[1].includes(name))).toEqual([]);
    // AND each agent may only touch the members tagged with its own pair's name
    const memberTag = (stack: TerraformStack) => JSON.parse(Object.values(resourcesOf(stack, 'aws_iam_role_policy'))[0].policy)
      .Statement.find((s: { Sid: string }) => s.Sid === 'OnlyBetweenPairMembers').Condition.StringEquals;
    expect(stacks.map(memberTag)).toEqual([blue, green].map((p) => ({ 'aws:ResourceTag/nic-patterns:failover-pair': p.pairName })));
  });

  test('two pairs with the same id in two scopes of one stack get different names', () => {
    const { stack } = networkStack();
    const [a, b] = ['a', 'b'].map((id) => pairIn(stack, new Construct(stack, id), 'web'));
    expect(a.pairName).not.toBe(b.pairName);
  });

  test('keeps a long or unusual id within 40 letters, digits, hyphens and underscores', () => {
    const { stack } = networkStack();
    const name = pairIn(stack, stack, `Web Tier (${'x'.repeat(60)})`, { failoverAgent: {} }).pairName;
    expect(name).toMatch(/^[A-Za-z0-9_-]{1,40}$/);
    expect(name.startsWith('Web-Tier-xxx')).toBe(true);
    // The longest names built from it stay within AWS's 64 characters.
    for (const rule of Object.values(resourcesOf(stack, 'aws_cloudwatch_event_rule'))) expect(rule.name.length).toBeLessThanOrEqual(64);
    // The role's name ends with the region, known at plan time: count the longest region names (14).
    const withRegion = (roleName: string) => roleName.replace(/\$\{data\.aws_region\.[^}]+\}/, 'ap-southeast-5');
    for (const role of Object.values(resourcesOf(stack, 'aws_iam_role'))) expect(withRegion(role.name).length).toBeLessThanOrEqual(64);
  });

  test('fails when two pairs of one app are given the same name, naming both', () => {
    // GIVEN two stacks of one app
    const app = Testing.app();
    const [blue, green] = ['blue', 'green'].map((id) => new TerraformStack(app, id));
    pairIn(blue, blue, 'web', { pairName: 'web' });
    // WHEN / THEN the second one is refused
    expectConstraintError(() => pairIn(green, green, 'web', { pairName: 'web' }), 'DuplicatePairName', ['green/web', 'blue/web', '"web"']);
  });

  test('fails when the pair name cannot name AWS resources, even without the agent', () => {
    expectConstraintError(() => pair({ pairName: 'web pair' }), 'InvalidPairName', ['"web pair"']);
  });
});
