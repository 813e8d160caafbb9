/**
 * Measures what NetworkRules adds to a synth, at growing stack sizes, to show that the pass stays
 * linear in the number of resources (DESIGN.md: one index per stack and synth, no rule walks the tree).
 *
 *   npx tsx scripts/bench-network-rules.ts            100, 400, 1600 hosts
 *   npx tsx scripts/bench-network-rules.ts 50 200     the given host counts
 *
 * Each host is 4 raw resources: an instance, an interface, its attachment and a route through the
 * interface, in two subnets of one AZ. The stacks are valid, so every rule runs its whole path.
 * Prints one row per size (fastest of 3 synths each); `rules ms/resource` should stay roughly flat.
 */
import { Instance } from '@cdktf/provider-aws/lib/instance';
import { NetworkInterface } from '@cdktf/provider-aws/lib/network-interface';
import { NetworkInterfaceAttachmentA } from '@cdktf/provider-aws/lib/network-interface-attachment';
import { Route } from '@cdktf/provider-aws/lib/route';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { App, Aspects, TerraformStack, Testing } from 'cdktf';
import { renderTable } from './demo/stack-summary';
import { NetworkRules } from '../lib/rules/network-rules';

const RESOURCES_PER_HOST = 4;

function buildStack(hosts: number): TerraformStack {
  const stack = new TerraformStack(new App({ stackTraces: false }), 'bench');
  const vpc = new Vpc(stack, 'vpc', { cidrBlock: '10.0.0.0/16' });
  // Two subnets: an instance's second interface in its own subnet would be NIC013's warning.
  const [front, back] = ['10.0.0.0/20', '10.0.16.0/20'].map((cidrBlock, i) =>
    new Subnet(stack, `subnet${i}`, { vpcId: vpc.id, cidrBlock, availabilityZone: 'us-east-1a' }));
  for (let i = 0; i < hosts; i++) {
    const host = new Instance(stack, `host${i}`, { ami: 'ami-12345678', instanceType: 'm5.large', subnetId: front.id });
    const eni = new NetworkInterface(stack, `eni${i}`, { subnetId: back.id, sourceDestCheck: false });
    new NetworkInterfaceAttachmentA(stack, `attach${i}`, { instanceId: host.id, networkInterfaceId: eni.id, deviceIndex: 1 });
    new Route(stack, `route${i}`, {
      routeTableId: 'rtb-0123456789abcdef0',
      destinationCidrBlock: `10.${100 + Math.floor(i / 256)}.${i % 256}.0/24`,
      networkInterfaceId: eni.id,
    });
  }
  return stack;
}

function millisecondsOf(action: () => void): number {
  const start = process.hrtime.bigint();
  action();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** The fastest of a few runs: the first runs of a size pay for JIT compilation and GC warm-up. */
function fastestOf(runs: number, action: () => void): number {
  return Math.min(...Array.from({ length: runs }, () => millisecondsOf(action)));
}

const RUNS = 3;
const sizes = process.argv.slice(2).map(Number).filter((n) => Number.isInteger(n) && n > 0);
const rows = (sizes.length > 0 ? sizes : [100, 400, 1600]).map((hosts) => {
  // One stack, synthesized without then with the aspect, so the difference is the rules' cost.
  const stack = buildStack(hosts);
  const plain = fastestOf(RUNS, () => Testing.synth(stack));
  Aspects.of(stack).add(new NetworkRules({ writeReport: false }));
  const checked = fastestOf(RUNS, () => Testing.synth(stack));
  const resources = hosts * RESOURCES_PER_HOST;
  const rules = Math.max(0, checked - plain);
  const perResource = Number((rules / resources).toFixed(3));
  return [resources, Math.round(plain), Math.round(checked), Math.round(rules), perResource, NetworkRules.summaryOf(stack)];
});

console.log(renderTable(['resources', 'synth ms', 'synth + rules ms', 'rules ms', 'rules ms/resource', 'findings'], rows));
