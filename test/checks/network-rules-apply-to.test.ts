import * as fs from 'fs';
import * as path from 'path';
import { Instance } from '@cdktf/provider-aws/lib/instance';
import { NetworkInterface } from '@cdktf/provider-aws/lib/network-interface';
import { NetworkInterfaceAttachmentA } from '@cdktf/provider-aws/lib/network-interface-attachment';
import { App, Aspects, TerraformStack, TerraformVariable } from 'cdktf';
import { removeOutput, testApp, testNetwork, testStack } from './rule-test-helpers';
import { NetworkRules } from '../../lib/checks/network-rules';
import { NetworkConstraintError } from '../../lib/core/errors';

/** A t3.micro (2 interfaces) with a third interface attached: NIC001, an error. */
function overLimit(stack: TerraformStack): void {
  const { subnets } = testNetwork(stack, ['us-east-1a', 'us-east-1a', 'us-east-1a']);
  const host = new Instance(stack, 'host', { ami: 'ami-12345678', instanceType: 't3.micro', subnetId: subnets[0].id });
  for (const deviceIndex of [1, 2]) {
    const eni = new NetworkInterface(stack, `eni${deviceIndex}`, { subnetId: subnets[deviceIndex].id });
    new NetworkInterfaceAttachmentA(stack, `attach${deviceIndex}`, { instanceId: host.id, networkInterfaceId: eni.id, deviceIndex });
  }
}

/** An instance whose type is only known at deploy time: a NIC001 INFO, no error. */
function unknownType(stack: TerraformStack): void {
  const { subnets } = testNetwork(stack);
  const type = new TerraformVariable(stack, 'instance_type', { type: 'string' });
  new Instance(stack, 'host', { ami: 'ami-12345678', instanceType: type.stringValue, subnetId: subnets[0].id });
}

function manifestOf(app: App): { stacks: Record<string, { annotations: Array<{ constructPath: string; level: string; message: string }> }> } {
  return JSON.parse(fs.readFileSync(path.join(app.outdir, 'manifest.json'), 'utf8'));
}

function withApp(test: (app: App) => void): void {
  const app = testApp();
  try {
    test(app);
  } finally {
    removeOutput(app);
  }
}

describe('NetworkRules.applyTo', () => {
  test('checks a stack created after the call', () => withApp((app) => {
    // GIVEN the checks applied before any stack exists
    NetworkRules.applyTo(app, { rules: ['NIC001'] });
    overLimit(testStack('late', app));
    // WHEN / THEN
    expect(() => app.synth()).toThrow(/\[late\/attach2\] \[NIC001\] aws_network_interface_attachment\.attach2: eni "eni2" is the 3rd interface of t3\.micro "host"/);
  }));

  test('leaves no Terraform JSON behind for a stack with errors, and keeps the others', () => withApp((app) => {
    // GIVEN a broken stack and a clean one
    overLimit(testStack('broken', app));
    testNetwork(testStack('clean', app));
    NetworkRules.applyTo(app, { rules: ['NIC001'] });
    // WHEN
    expect(() => app.synth()).toThrow(/NIC001/);
    // THEN
    expect(fs.existsSync(path.join(app.outdir, 'stacks', 'broken', 'cdk.tf.json'))).toBe(false);
    expect(fs.existsSync(path.join(app.outdir, 'stacks', 'clean', 'cdk.tf.json'))).toBe(true);
  }));

  test('puts warnings and info findings into the manifest cdktf synth prints, once per synth', () => withApp((app) => {
    // GIVEN
    const stack = testStack('web', app);
    unknownType(stack);
    NetworkRules.applyTo(app, { rules: ['NIC001'] });
    // WHEN synthesized twice
    app.synth();
    app.synth();
    // THEN the construct and the manifest carry the finding once
    const infos = manifestOf(app).stacks.web.annotations.filter((a) => a.message.startsWith('[NIC001]'));
    expect(infos).toEqual([expect.objectContaining({ constructPath: 'web/host', level: '@cdktf/info' })]);
    expect(infos[0].message).toMatch(/cannot verify instance "host"/);
    expect(stack.node.findChild('host').node.metadata.filter((m) => String(m.data).startsWith('[NIC001]'))).toHaveLength(1);
  }));

  test('checks what the synth wrote, without resolving the stack a second time', () => withApp((app) => {
    // GIVEN
    const stack = testStack('web', app);
    unknownType(stack);
    NetworkRules.applyTo(app, { rules: ['NIC001'] });
    const resolve = jest.spyOn(stack, 'toTerraform');
    // WHEN
    app.synth();
    // THEN cdktf resolved it once, to write it
    expect(resolve).toHaveBeenCalledTimes(1);
    expect(NetworkRules.summaryOf(stack)).toBe('NetworkRules "web": 0 errors, 0 warnings, 1 info, 0 suppressed');
  }));

  test('a direct app.node.validate() outside a synth resolves the stack rather than read a stale file', () => withApp((app) => {
    // GIVEN a clean synth, then a change that breaks a rule
    const stack = testStack('web', app);
    const { subnets } = testNetwork(stack, ['us-east-1a', 'us-east-1a', 'us-east-1a']);
    const host = new Instance(stack, 'host', { ami: 'ami-12345678', instanceType: 't3.micro', subnetId: subnets[0].id });
    NetworkRules.applyTo(app, { rules: ['NIC020'], writeReport: false });
    app.synth();
    const eni = new NetworkInterface(stack, 'eni', { subnetId: subnets[1].id });
    new NetworkInterfaceAttachmentA(stack, 'attach', { instanceId: host.id, networkInterfaceId: eni.id, deviceIndex: 0 });
    // WHEN
    const errors = app.node.validate();
    // THEN
    expect(errors).toEqual([expect.stringMatching(/^\[web\/attach\] \[NIC020\]/)]);
  }));

  test('applying twice checks once', () => withApp((app) => {
    // GIVEN
    const stack = testStack('web', app);
    unknownType(stack);
    NetworkRules.applyTo(app, { rules: ['NIC001'] });
    NetworkRules.applyTo(app, { rules: ['NIC001'] });
    // WHEN
    app.synth();
    // THEN
    expect(NetworkRules.findingsOf(stack)).toHaveLength(1);
  }));

  describe('fails closed', () => {
    test('fails when the app skips validations, so the checks would never run', () => {
      const app = new App({ outdir: testApp().outdir, skipValidation: true });
      try {
        const apply = () => NetworkRules.applyTo(app);
        expect(apply).toThrow(NetworkConstraintError);
        expect(apply).toThrow(/^\[ChecksNotInstallable\] : the app was created with skipValidation: true/);
      } finally {
        removeOutput(app);
      }
    });

    test('fails when handed a stack instead of its app', () => {
      const stack = testStack();
      expect(() => NetworkRules.applyTo(stack as unknown as App))
        .toThrow(/^\[ChecksNotInstallable\] NetworkRules\.applyTo: app-wide checks need the App of the stacks\. Received: construct "stack" \(TerraformStack\)/);
    });
  });

  test('Aspects.of(app) checks nothing in cdktf 0.21 (why the README says to call applyTo)', () => withApp((app) => {
    // GIVEN the cdk-nag habit
    overLimit(testStack('web', app));
    Aspects.of(app).add(new NetworkRules());
    // WHEN / THEN cdktf visits aspects from each stack down, never the App's
    expect(() => app.synth()).not.toThrow();
  }));
});
