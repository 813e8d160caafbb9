import { Instance } from '@cdktf/provider-aws/lib/instance';
import { NetworkInterface } from '@cdktf/provider-aws/lib/network-interface';
import { NetworkInterfaceAttachmentA } from '@cdktf/provider-aws/lib/network-interface-attachment';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Route } from '@cdktf/provider-aws/lib/route';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';

/** Props of the example. */
export interface CheckYourOwnStackProps {
  /**
   * Also add mistakes AWS rejects at apply time, which make the synth fail.
   * @default false
   */
  readonly includeErrors?: boolean;
}

/**
 * A stack written only with raw `@cdktf/provider-aws` resources, as most stacks are, with the
 * mistakes the AWS ENI guide warns about. The library's `NetworkRules` aspect (added by
 * `main.ts`) reports each at synth time; nothing of the library is used to build it.
 */
export class CheckYourOwnStack extends TerraformStack {
  constructor(scope: Construct, id: string, props: CheckYourOwnStackProps = {}) {
    super(scope, id);
    new AwsProvider(this, 'aws', { region: 'us-east-1' });
    const vpc = new Vpc(this, 'vpc', { cidrBlock: '10.60.0.0/16' });
    const app = new Subnet(this, 'app', { vpcId: vpc.id, cidrBlock: '10.60.1.0/24', availabilityZone: 'us-east-1a' });
    const groups = [1, 2, 3, 4, 5, 6].map((i) => new SecurityGroup(this, `sg${i}`, { vpcId: vpc.id, description: `group ${i}` }));

    const eth0 = new NetworkInterface(this, 'eth0', { subnetId: app.id, securityGroups: [groups[0].id] });
    const legacy = new Instance(this, 'legacy', {
      ami: 'ami-0c55b159cbfafe1f0',
      instanceType: 'm5.large',
      networkInterface: [{ deviceIndex: 0, networkInterfaceId: eth0.id }],
      // NIC041: this only switches the check on the primary interface.
      sourceDestCheck: false,
      metadataOptions: { httpTokens: 'required' },
    });
    // NIC013 (same subnet as eth0), NIC061 (two addresses, no fixed primary), NIC012 (6 groups > quota of 5).
    const eth1 = new NetworkInterface(this, 'eth1', {
      subnetId: app.id,
      privateIps: ['10.60.1.20', '10.60.1.21'],
      securityGroups: groups.map((g) => g.id),
    });
    new NetworkInterfaceAttachmentA(this, 'eth1-attachment', { instanceId: legacy.id, networkInterfaceId: eth1.id, deviceIndex: 1 });

    // An instance type only known at deploy time: its limits cannot be checked (INFO "cannot verify").
    const workerType = new TerraformVariable(this, 'worker_instance_type', { type: 'string', default: 't3.micro' });
    const workerNic = new NetworkInterface(this, 'worker-eth0', { subnetId: app.id, securityGroups: [groups[1].id] });
    const worker = new Instance(this, 'worker', {
      ami: 'ami-0c55b159cbfafe1f0',
      instanceType: workerType.stringValue,
      networkInterface: [{ deviceIndex: 0, networkInterfaceId: workerNic.id }],
      metadataOptions: { httpTokens: 'required' },
    });

    if (!props.includeErrors) return;
    // NIC020: device index 0 is the primary interface's. NIC034: 10.60.1.1 is the VPC router's address.
    const misplaced = new NetworkInterface(this, 'misplaced', { subnetId: app.id, privateIps: ['10.60.1.1'] });
    new NetworkInterfaceAttachmentA(this, 'misplaced-attachment', { instanceId: worker.id, networkInterfaceId: misplaced.id, deviceIndex: 0 });
    // NIC040: the route targets an interface that still drops forwarded traffic.
    const routes = new RouteTable(this, 'routes', { vpcId: vpc.id });
    new Route(this, 'via-eth1', { routeTableId: routes.id, destinationCidrBlock: '0.0.0.0/0', networkInterfaceId: eth1.id });
    // NIC070: SSH from the whole internet on a group in use.
    groups[0].addOverride('ingress', [{
      protocol: 'tcp',
      from_port: 22,
      to_port: 22,
      cidr_blocks: ['0.0.0.0/0'],
      description: null,
      ipv6_cidr_blocks: null,
      prefix_list_ids: null,
      security_groups: null,
      self: null,
    }]);
  }
}
