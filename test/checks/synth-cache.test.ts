import * as fs from 'fs';
import * as path from 'path';
import { Eip } from '@cdktf/provider-aws/lib/eip';
import { Instance } from '@cdktf/provider-aws/lib/instance';
import { NetworkInterface } from '@cdktf/provider-aws/lib/network-interface';
import { NetworkInterfaceAttachmentA } from '@cdktf/provider-aws/lib/network-interface-attachment';
import { App, Aspects, IAspect, TerraformStack, Testing } from 'cdktf';
import { IConstruct } from 'constructs';
import { removeOutput, testApp, testNetwork, testStack } from './rule-test-helpers';
import { NetworkRules } from '../../lib/checks/network-rules';

/** A stack with an instance, checked by NetworkRules added to its app. */
function checkedStack(app: App): { stack: TerraformStack; host: Instance } {
  const stack = testStack('shared', app);
  const { subnets } = testNetwork(stack);
  const host = new Instance(stack, 'host', { ami: 'ami-12345678', instanceType: 't3.micro', subnetId: subnets[0].id });
  Aspects.of(app).add(new NetworkRules({ rules: ['NIC020'] }));
  return { stack, host };
}

type TerraformJson = { resource: Record<string, Record<string, Record<string, unknown>>> };

function synthesizedJson(app: App, stack: TerraformStack): TerraformJson {
  return JSON.parse(fs.readFileSync(path.join(app.outdir, 'stacks', stack.node.id, 'cdk.tf.json'), 'utf8'));
}

/** What the stack resolves to now, as it reads once written to a file. */
function resolvedNow(stack: TerraformStack): TerraformJson {
  return JSON.parse(JSON.stringify(stack.toTerraform()));
}

const shadowsToTerraform = (stack: TerraformStack) => Object.prototype.hasOwnProperty.call(stack, 'toTerraform');

describe('Terraform JSON shared within app.synth()', () => {
  test('resolves a checked stack once, and writes what the stack resolves to', () => {
    // GIVEN a stack checked by NetworkRules from the app
    const app = testApp();
    const { stack } = checkedStack(app);
    const toTerraform = jest.spyOn(TerraformStack.prototype, 'toTerraform');
    try {
      // WHEN
      app.synth();
      const resolutions = toTerraform.mock.contexts.filter((context) => context === stack).length;
      toTerraform.mockRestore();
      // THEN the rules' resolution served the synthesizer, and nothing stays shadowed afterwards
      expect(resolutions).toBe(1);
      expect(shadowsToTerraform(stack)).toBe(false);
      expect(synthesizedJson(app, stack)).toEqual(resolvedNow(stack));
    } finally {
      toTerraform.mockRestore();
      removeOutput(app);
    }
  });

  test('resolves afresh a stack whose own aspects may change it after the rules ran', () => {
    // GIVEN an aspect of the stack that tags instances, which cdktf runs after the app's NetworkRules
    const app = testApp();
    const { stack } = checkedStack(app);
    const tagInstances: IAspect = {
      visit: (node: IConstruct) => {
        if (node instanceof Instance) node.tags = { tagged: 'late' };
      },
    };
    Aspects.of(stack).add(tagInstances);
    try {
      // WHEN
      app.synth();
      // THEN
      expect(synthesizedJson(app, stack).resource.aws_instance.host.tags).toEqual({ tagged: 'late' });
    } finally {
      removeOutput(app);
    }
  });

  test('resolves afresh after a synth the rules failed', () => {
    // GIVEN a stack the rules reject: an interface attached at device index 0 (NIC020)
    const app = testApp();
    const { stack, host } = checkedStack(app);
    const eni = new NetworkInterface(stack, 'eni', { subnetId: 'subnet-0123456789abcdef0' });
    const attachment = new NetworkInterfaceAttachmentA(stack, 'attach', { instanceId: host.id, networkInterfaceId: eni.id, deviceIndex: 0 });
    try {
      expect(() => app.synth()).toThrow(/NIC020/);
      // WHEN the stack is fixed
      attachment.deviceIndex = 1;
      // THEN
      expect(shadowsToTerraform(stack)).toBe(false);
      expect(resolvedNow(stack).resource.aws_network_interface_attachment.attach.device_index).toBe(1);
    } finally {
      removeOutput(app);
    }
  });

  test('outside app.synth(), each synth sees the changes made since the last one (Testing.synth)', () => {
    // GIVEN a stack synthesized once with Testing.synth
    const app = testApp();
    const { stack } = checkedStack(app);
    Testing.synth(stack);
    // WHEN an Elastic IP is added
    new Eip(stack, 'eip', { domain: 'vpc' });
    // THEN the next synth shows it
    expect((JSON.parse(Testing.synth(stack)) as TerraformJson).resource.aws_eip.eip.domain).toBe('vpc');
    removeOutput(app);
  });
});
