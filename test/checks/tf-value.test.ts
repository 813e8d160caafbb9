import { DataAwsSubnet } from '@cdktf/provider-aws/lib/data-aws-subnet';
import { NetworkInterface } from '@cdktf/provider-aws/lib/network-interface';
import { TerraformLocal, TerraformStack, TerraformVariable } from 'cdktf';
import { checkStack, testApp, testNetwork, testStack } from './rule-test-helpers';
import { RuleIndex } from '../../lib/checks/rule-index';
import { TfValue } from '../../lib/checks/tf-value';

/** A RuleIndex of bare Terraform JSON: one subnet, and an interface counted twice. */
function bareIndex(): RuleIndex {
  return new RuleIndex(testStack(), {
    resource: {
      aws_subnet: { app: { vpc_id: 'vpc-0123456789abcdef0', cidr_block: '10.0.0.0/24', availability_zone: 'us-east-1a' } },
      aws_network_interface: { web: { count: 2, subnet_id: '${aws_subnet.app.id}' } },
    },
  });
}

describe('TfValue', () => {
  describe('says why a value is unknown', () => {
    test.each([
      ['an input variable', '${var.subnet_id}', 'an input variable, only known at deploy time'],
      ['a data source', '${data.aws_subnet.app.id}', 'read from a data source, only known at deploy time'],
      ['a local value', '${local.subnet_id}', 'a local value, only known at deploy time'],
      ['a module output', '${module.net.subnet_id}', 'an output of a module, only known at deploy time'],
      ['a function call', '${element(var.subnets, 0)}', 'computed by a function of an input variable, only known at deploy time'],
      ['a resource of another stack or configuration', '${aws_subnet.elsewhere.id}',
        'a resource this stack does not hold (another stack or configuration), only known at deploy time'],
      ['an interpolated string', 'subnet-${var.suffix}', 'only known at deploy time'],
    ])('%s', (_what, raw, reason) => {
      // WHEN
      const value = TfValue.of(raw, bareIndex());
      // THEN
      expect([value.kind, value.unknownReason]).toEqual(['unknown', reason]);
    });
  });

  describe('references to instances of a count', () => {
    test('resolve to that instance, not indexed', () => {
      // GIVEN
      const index = bareIndex();
      // WHEN
      const value = TfValue.of('${aws_network_interface.web[1].id}', index);
      // THEN
      expect(value.kind).toBe('reference');
      expect(value.target).toBe(index.resourceAt('aws_network_interface.web[1]'));
      expect(value.indexed).toBe(false);
      expect(value.attribute).toBe('id');
    });

    test('follow a literal attribute of that instance', () => {
      const value = TfValue.of('${aws_network_interface.web[0].subnet_id}', bareIndex()).follow();
      expect(value.referenceTo('aws_subnet')?.address).toBe('aws_subnet.app');
    });

    // The block was expanded, so `aws_network_interface.web` itself is no resource of the index.
    test.each([
      ['an instance the count does not make', '${aws_network_interface.web[2].id}'],
      ['a splat over the instances', '${aws_network_interface.web[*].id}'],
      ['an index synth time cannot read', '${aws_network_interface.web[var.which].id}'],
    ])('never says the stack does not hold an expanded resource: %s', (_what, raw) => {
      const value = TfValue.of(raw, bareIndex());
      expect(value.kind).toBe('unknown');
      expect(value.unknownReason).toBe('which of the 2 copies of aws_network_interface.web it picks, only known at deploy time');
    });
  });

  test('a count that cannot be expanded says it is the count', () => {
    // GIVEN a count taken from a literal list by a function, which the expansion does not evaluate
    const index = new RuleIndex(testStack(), { resource: { aws_network_interface: { web: { count: '${length(["a", "b"])}' } } } });
    // WHEN
    const [web] = index.resources('aws_network_interface');
    // THEN
    expect([web.name, web.repeated, web.repetition.unknownReason]).toEqual(['web', true, 'computed by a function, only known at deploy time']);
  });
});

describe('cannot-verify messages name where a value comes from', () => {
  /** The NIC034 "cannot verify" of an interface with a fixed IP in the subnet `subnetId`, without the doc link. */
  function infoFor(stack: TerraformStack, subnetId: string): string[] {
    new NetworkInterface(stack, 'eni', { subnetId, privateIps: ['10.0.0.10'] });
    return checkStack(stack, { rules: ['NIC034'] }).cannotVerify('NIC034').map((f) => f.message.split(' See')[0]);
  }

  test('a data source', () => {
    const stack = testStack();
    const subnet = new DataAwsSubnet(stack, 'app', { id: 'subnet-0123456789abcdef0' });
    expect(infoFor(stack, subnet.id)).toEqual([expect.stringMatching(/"\$\{data\.aws_subnet\.app\.id\}", read from a data source, only known at deploy time\.$/)]);
  });

  test('a local value', () => {
    const stack = testStack();
    const local = new TerraformLocal(stack, 'subnet_id', 'subnet-0123456789abcdef0');
    expect(infoFor(stack, local.asString)).toEqual([expect.stringMatching(/"\$\{local\.subnet_id\}", a local value, only known at deploy time\.$/)]);
  });

  test('another stack', () => {
    // GIVEN a subnet of another stack of the same app
    const app = testApp();
    const network = testStack('network', app);
    const { subnets } = testNetwork(network);
    const stack = testStack('servers', app);
    // WHEN
    const messages = infoFor(stack, subnets[0].id);
    // THEN
    expect(messages).toEqual([expect.stringMatching(
      /"\$\{aws_subnet\.subnet-a\.id\}", a resource this stack does not hold \(another stack or configuration\), only known at deploy time\.$/,
    )]);
  });

  test('a variable', () => {
    const stack = testStack();
    const subnetId = new TerraformVariable(stack, 'subnet_id', { type: 'string' });
    expect(infoFor(stack, subnetId.stringValue)).toEqual([expect.stringMatching(/"\$\{var\.subnet_id\}", an input variable, only known at deploy time\.$/)]);
  });
});
