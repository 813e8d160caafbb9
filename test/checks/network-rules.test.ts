import * as fs from 'fs';
import * as path from 'path';
import { Eip } from '@cdktf/provider-aws/lib/eip';
import { Instance } from '@cdktf/provider-aws/lib/instance';
import { NetworkInterface } from '@cdktf/provider-aws/lib/network-interface';
import { NetworkInterfaceAttachmentA } from '@cdktf/provider-aws/lib/network-interface-attachment';
import { Route } from '@cdktf/provider-aws/lib/route';
import { Aspects, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { checkStack, readFindings, removeOutput, testApp, testNetwork, testStack } from './rule-test-helpers';
import { NetworkRules } from '../../lib/checks/network-rules';
import { NetworkSuppressions } from '../../lib/checks/network-suppressions';
import { RuleLevel } from '../../lib/checks/rule-level';
import { NetworkConstraintError } from '../../lib/core/errors';

const REPORT = 'network-rules-report.json';
// The rules the fixtures below exercise; pinned so that rules added later do not change the counts.
const FIXTURE_RULES = ['NIC001', 'NIC020', 'NIC040'];

/**
 * A stack that breaks three rules at once: a t3.micro (2 interfaces) with three attachments, one
 * of them at device index 0 (NIC001 x2, NIC020), and a route to an interface whose
 * source/destination check is on (NIC040, suppressible).
 */
function brokenStack(stack: TerraformStack, scope: Construct = stack): void {
  const { subnets } = testNetwork(stack, ['us-east-1a', 'us-east-1a', 'us-east-1a', 'us-east-1a']);
  const host = new Instance(scope, 'host', { ami: 'ami-12345678', instanceType: 't3.micro', subnetId: subnets[0].id });
  for (const deviceIndex of [1, 2, 0]) {
    const eni = new NetworkInterface(scope, `eni${deviceIndex}`, { subnetId: subnets[deviceIndex + 1].id });
    new NetworkInterfaceAttachmentA(scope, `attach${deviceIndex}`, { instanceId: host.id, networkInterfaceId: eni.id, deviceIndex });
  }
  new Route(scope, 'to-appliance', {
    routeTableId: 'rtb-0123456789abcdef0',
    destinationCidrBlock: '0.0.0.0/0',
    networkInterfaceId: (scope.node.findChild('eni1') as NetworkInterface).id,
  });
}

describe('NetworkRules aspect', () => {
  test('fails app.synth() listing every error when applied to the app', () => {
    // GIVEN
    const app = testApp();
    const stack = testStack('web', app);
    brokenStack(stack);
    NetworkRules.applyTo(app, { rules: FIXTURE_RULES });
    try {
      // WHEN / THEN
      expect(() => app.synth()).toThrow(/\[NIC001\][\s\S]*\[NIC001\][\s\S]*\[NIC020\][\s\S]*\[NIC040\]/);
    } finally {
      removeOutput(app);
    }
  });

  test('annotates each finding on the offending construct, message naming rule, resource, value, limit, fix and doc', () => {
    // GIVEN
    const stack = testStack();
    brokenStack(stack);
    // WHEN
    const findings = checkStack(stack, { rules: FIXTURE_RULES });
    // THEN
    expect(findings.errors('NIC001').map((f) => f.path)).toEqual(['stack/attach1', 'stack/attach2']);
    expect(findings.errors('NIC001')[0].message).toMatch(
      /^\[NIC001\] eni "eni1" is the 3rd interface of t3\.micro "host", which allows 2 .*Fix: .*See https:\/\/docs\.aws\.amazon\.com\//,
    );
    expect(findings.errors('NIC020').map((f) => f.path)).toEqual(['stack/attach0']);
    expect(findings.errors('NIC040').map((f) => f.path)).toEqual(['stack/to-appliance']);
  });

  test('names the Terraform address after the rule id in each annotation', () => {
    // GIVEN
    const stack = testStack();
    brokenStack(stack);
    // WHEN
    Aspects.of(stack).add(new NetworkRules({ rules: FIXTURE_RULES, writeReport: false }));
    Testing.synth(stack);
    // THEN the raw annotation text, not split by the helpers
    const errorsOf = (id: string) => stack.node.findChild(id).node.metadata.filter((m) => m.type === '@cdktf/error').map((m) => m.data as string);
    expect(errorsOf('attach1')).toEqual([expect.stringMatching(/^\[NIC001\] aws_network_interface_attachment\.attach1: eni "eni1" is the 3rd interface/)]);
    expect(errorsOf('to-appliance')).toEqual([expect.stringMatching(/^\[NIC040\] aws_route\.to-appliance: route "to-appliance" /)]);
    expect(NetworkRules.findingsOf(stack).map((f) => f.address)).toEqual([
      'aws_network_interface_attachment.attach1', 'aws_network_interface_attachment.attach2', 'aws_network_interface_attachment.attach0', 'aws_route.to-appliance',
    ]);
  });

  test('names one instance of a literal count by its index, on the construct that declares the count', () => {
    // GIVEN two Elastic IPs, by count = 2, on one private IP (NIC030)
    const stack = testStack();
    const { subnets } = testNetwork(stack);
    const eni = new NetworkInterface(stack, 'eni', { subnetId: subnets[0].id, privateIps: ['10.0.0.10'] });
    new Eip(stack, 'many', { networkInterface: eni.id, count: 2 });
    // WHEN
    const findings = checkStack(stack, { rules: ['NIC030'] });
    // THEN
    const annotations = stack.node.findChild('many').node.metadata.filter((m) => m.type === '@cdktf/error').map((m) => m.data as string);
    expect(annotations).toEqual([expect.stringMatching(/^\[NIC030\] aws_eip\.many\[1\]: eip "many\[1\]" maps an Elastic IP to 10\.0\.0\.10 /)]);
    expect(findings.report.map((f) => [f.path, f.address])).toEqual([['stack/many', 'aws_eip.many[1]']]);
  });

  test('synthesizing twice does not duplicate annotations nor report entries', () => {
    // GIVEN
    const app = testApp();
    const stack = testStack('web', app);
    brokenStack(stack);
    Aspects.of(stack).add(new NetworkRules({ rules: FIXTURE_RULES }));
    // WHEN
    const first = checkStack(stack);
    const second = checkStack(stack);
    try {
      expect(() => app.synth()).toThrow(/NIC001/);
    } finally {
      removeOutput(app);
    }
    const third = readFindings(stack);
    // THEN
    expect(first.annotations).toHaveLength(4);
    expect(second.annotations).toEqual(first.annotations);
    expect(third.annotations).toEqual(first.annotations);
    expect(third.report).toEqual(first.report);
  });

  test('leaves the synthesized Terraform JSON unchanged', () => {
    // GIVEN two identical apps, one with the aspect
    const build = (withRules: boolean) => {
      const stack = testStack();
      const { subnets } = testNetwork(stack);
      new Instance(stack, 'host', { ami: 'ami-12345678', instanceType: 't3.micro', subnetId: subnets[0].id });
      if (withRules) Aspects.of(stack).add(new NetworkRules());
      return Testing.synth(stack);
    };
    // WHEN / THEN
    expect(build(true)).toEqual(build(false));
  });

  test('writes network-rules-report.json into each stack folder, with a one-line summary', () => {
    // GIVEN two stacks, one broken, one clean
    const app = testApp();
    const broken = testStack('broken', app);
    brokenStack(broken);
    NetworkSuppressions.addSuppressions(broken.node.findChild('to-appliance'), [
      { id: 'NIC040', reason: 'source/dest check is disabled by the appliance bootstrap' },
    ]);
    const clean = testStack('clean', app);
    testNetwork(clean);
    NetworkRules.applyTo(app, { rules: FIXTURE_RULES });
    try {
      // WHEN
      expect(() => app.synth()).toThrow(/NIC020/);
      // THEN
      const report = JSON.parse(fs.readFileSync(path.join(app.outdir, 'stacks', 'broken', REPORT), 'utf8'));
      expect(report.summary).toBe('NetworkRules "broken": 3 errors, 0 warnings, 0 info, 1 suppressed');
      expect(report.findings).toContainEqual({
        rule: 'NIC040',
        level: 'ERROR',
        path: 'broken/to-appliance',
        address: 'aws_route.to-appliance',
        message: expect.stringMatching(/^\[NIC040\]/),
        suppressed: true,
        reason: 'source/dest check is disabled by the appliance bootstrap',
      });
      expect(report.findings.filter((f: { suppressed: boolean }) => !f.suppressed).map((f: { rule: string }) => f.rule))
        .toEqual(['NIC001', 'NIC001', 'NIC020']);
      // Every stack is written, then checked: the clean one has its report too.
      const cleanReport = JSON.parse(fs.readFileSync(path.join(app.outdir, 'stacks', 'clean', REPORT), 'utf8'));
      expect(cleanReport.summary).toBe('NetworkRules "clean": 0 errors, 0 warnings, 0 info, 0 suppressed');
    } finally {
      removeOutput(app);
    }
  });

  test('writes the report of a clean stack and does not fail the synth', () => {
    // GIVEN
    const app = testApp();
    const stack = testStack('clean', app);
    const { subnets } = testNetwork(stack);
    new Instance(stack, 'host', { ami: 'ami-12345678', instanceType: 't3.micro', subnetId: subnets[0].id });
    NetworkRules.applyTo(app, { rules: FIXTURE_RULES });
    try {
      // WHEN
      app.synth();
      // THEN
      const report = JSON.parse(fs.readFileSync(path.join(app.outdir, 'stacks', 'clean', REPORT), 'utf8'));
      expect(report).toEqual({ stack: 'clean', summary: 'NetworkRules "clean": 0 errors, 0 warnings, 0 info, 0 suppressed', findings: [] });
    } finally {
      removeOutput(app);
    }
  });

  test('writes no report when writeReport is false', () => {
    // GIVEN
    const app = testApp();
    const stack = testStack('clean', app);
    testNetwork(stack);
    NetworkRules.applyTo(app, { writeReport: false });
    try {
      // WHEN
      app.synth();
      // THEN
      expect(fs.existsSync(path.join(app.outdir, 'stacks', 'clean', REPORT))).toBe(false);
    } finally {
      removeOutput(app);
    }
  });

  describe('options', () => {
    const withUnknownType = (stack: TerraformStack) => {
      const { subnets } = testNetwork(stack);
      const type = new TerraformVariable(stack, 'instance_type', { type: 'string' });
      new Instance(stack, 'host', { ami: 'ami-12345678', instanceType: type.stringValue, subnetId: subnets[0].id });
    };

    test('minimumLevel drops findings below it', () => {
      // GIVEN an instance type only known at deploy time (an INFO finding)
      const all = testStack();
      withUnknownType(all);
      const warningsUp = testStack();
      withUnknownType(warningsUp);
      // WHEN
      const allFindings = checkStack(all);
      const filtered = checkStack(warningsUp, { minimumLevel: RuleLevel.WARNING });
      // THEN
      expect(allFindings.cannotVerify('NIC001')).toHaveLength(1);
      expect(filtered.annotations).toEqual([]);
    });

    test('rules runs only the listed rules and excludeRules skips rules', () => {
      // GIVEN
      const only = testStack();
      brokenStack(only);
      const excluded = testStack();
      brokenStack(excluded);
      // WHEN
      const onlyFindings = checkStack(only, { rules: ['NIC020'] });
      const excludedFindings = checkStack(excluded, { rules: FIXTURE_RULES, excludeRules: ['NIC001', 'NIC020'] });
      // THEN
      expect([...new Set(onlyFindings.annotations.map((f) => f.ruleId))]).toEqual(['NIC020']);
      expect([...new Set(excludedFindings.annotations.map((f) => f.ruleId))]).toEqual(['NIC040']);
    });

    test('fails when a rule id is unknown, with the typed error suppressions use', () => {
      const create = () => new NetworkRules({ rules: ['NIC999'] });
      expect(create).toThrow(NetworkConstraintError);
      expect(create).toThrow(/^\[UnknownNetworkRule\] NetworkRules: cannot run an unknown network rule\. Received: "NIC999"\. Allowed: one of NIC001, .*NIC070, ALI001, .*ALI070, NHN001, .*NHN070 \(in any case\)/);
      expect(() => new NetworkRules({ excludeRules: ['NIC998'] })).toThrow(/\[UnknownNetworkRule\] NetworkRules: cannot exclude .*"NIC998"/);
    });

    test('matches rule ids whatever their case', () => {
      // GIVEN
      const stack = testStack();
      brokenStack(stack);
      // WHEN
      const findings = checkStack(stack, { rules: ['nic020', 'Nic001'], excludeRules: ['nIc001'] });
      // THEN
      expect([...new Set(findings.annotations.map((f) => f.ruleId))]).toEqual(['NIC020']);
    });
  });

  test('added to a construct inside a stack, reports only on resources below it', () => {
    // GIVEN the broken resources below "team", the aspect on "team"
    const stack = testStack();
    const team = new Construct(stack, 'team');
    brokenStack(stack, team);
    const other = new Construct(stack, 'other');
    new Route(other, 'to-appliance', {
      routeTableId: 'rtb-0123456789abcdef0',
      destinationCidrBlock: '10.1.0.0/16',
      networkInterfaceId: (team.node.findChild('eni1') as NetworkInterface).id,
    });
    Aspects.of(team).add(new NetworkRules({ writeReport: false }));
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.annotations.length).toBeGreaterThan(0);
    expect(findings.annotations.every((f) => f.path.startsWith('stack/team/'))).toBe(true);
  });

  test('describeRules lists every rule with its documentation, each cloud\'s in id order, clouds in registration order', () => {
    const rules = NetworkRules.describeRules();
    for (const prefix of ['NIC', 'ALI', 'NHN']) {
      const ids = rules.map((r) => r.id).filter((id) => id.startsWith(prefix));
      expect(ids.length).toBeGreaterThan(0);
      expect(ids).toEqual([...ids].sort());
    }
    expect(rules.findIndex((r) => r.id.startsWith('ALI'))).toBeGreaterThan(rules.findIndex((r) => r.id.startsWith('NIC')));
    expect(rules.findIndex((r) => r.id.startsWith('NHN'))).toBeGreaterThan(rules.findIndex((r) => r.id.startsWith('ALI')));
    expect(rules.find((r) => r.id === 'NIC001')).toEqual(expect.objectContaining({ level: RuleLevel.ERROR, hardLimit: true }));
    for (const rule of rules) {
      expect(rule.id).toMatch(/^(NIC|ALI|NHN)\d{3}$/);
      expect(rule.docUrl).toMatch(/^https:\/\//);
      expect(rule.summary.length).toBeGreaterThan(10);
      expect(rule.explanation.length).toBeGreaterThan(20);
    }
  });
});

describe('NetworkSuppressions', () => {
  test('suppresses a rule on a scope and every construct below it, recording the reason', () => {
    // GIVEN a suppression on the parent of the route
    const stack = testStack();
    const team = new Construct(stack, 'team');
    brokenStack(stack, team);
    NetworkSuppressions.addSuppressions(team, [{ id: 'NIC040', reason: 'the appliance disables the check at boot' }]);
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.of('NIC040')).toEqual([]);
    expect(findings.suppressed('NIC040')).toEqual([expect.objectContaining({
      path: 'stack/team/to-appliance',
      suppressionReason: 'the appliance disables the check at boot',
    })]);
    expect(findings.errors('NIC001')).toHaveLength(2);
  });

  test('a suppression elsewhere in the tree does not apply', () => {
    // GIVEN
    const stack = testStack();
    brokenStack(stack);
    NetworkSuppressions.addSuppressions(new Construct(stack, 'elsewhere'), [{ id: 'NIC040', reason: 'not about the route at all' }]);
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.errors('NIC040')).toHaveLength(1);
  });

  test('fails when the reason is shorter than 10 characters', () => {
    const stack = testStack();
    const add = () => NetworkSuppressions.addSuppressions(stack, [{ id: 'NIC040', reason: '  too shrt ' }]);
    expect(add).toThrow(NetworkConstraintError);
    expect(add).toThrow(/\[SuppressionReasonTooShort\] stack: .*"too shrt" \(8 characters\)/);
  });

  test('fails when the rule id is unknown', () => {
    const stack = testStack();
    expect(() => NetworkSuppressions.addSuppressions(stack, [{ id: 'NIC999', reason: 'a long enough reason' }]))
      .toThrow(/\[UnknownNetworkRule\].*"NIC999"/);
  });

  test('matches the rule id whatever its case and records the canonical id', () => {
    // GIVEN
    const stack = testStack();
    brokenStack(stack);
    NetworkSuppressions.addSuppressions(stack, [{ id: 'nic040', reason: 'the appliance disables the check at boot' }]);
    // WHEN
    const findings = checkStack(stack, { rules: FIXTURE_RULES });
    // THEN
    expect(findings.of('NIC040')).toEqual([]);
    expect(findings.suppressed('NIC040')).toHaveLength(1);
  });

  test('fails when the rule enforces a hard AWS limit, naming the rule and why', () => {
    const stack = testStack();
    const add = () => NetworkSuppressions.addSuppressions(stack, [{ id: 'NIC001', reason: 'we know better than EC2' }]);
    expect(add).toThrow(/\[HardLimitNotSuppressible\] stack: NIC001 \(.*\) enforces a hard AWS limit and cannot be suppressed/);
  });

  test('fails atomically: a rejected list records none of its suppressions', () => {
    // GIVEN a valid suppression followed by an invalid one
    const stack = testStack();
    brokenStack(stack);
    expect(() => NetworkSuppressions.addSuppressions(stack, [
      { id: 'NIC040', reason: 'the appliance disables the check at boot' },
      { id: 'NIC040', reason: 'short' },
    ])).toThrow(NetworkConstraintError);
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.errors('NIC040')).toHaveLength(1);
  });
});
