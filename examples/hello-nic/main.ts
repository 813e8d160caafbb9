// Throwaway smoke example for `npm run demo`: one VPC, one subnet and one network interface written
// as raw L1 resources. It declares a region and no credentials; the demo's offline plan supplies mock ones.
import { NetworkInterface } from '@cdktf/provider-aws/lib/network-interface';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { runExample } from '../shared/run-example';

class HelloNicStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AwsProvider(this, 'aws', { region: 'us-east-1', defaultTags: [{ tags: { project: 'hello-nic' } }] });

    const vpc = new Vpc(this, 'vpc', { cidrBlock: '10.20.0.0/16', enableDnsHostnames: true, tags: { Name: 'hello-nic' } });
    const subnet = new Subnet(this, 'app-subnet', {
      vpcId: vpc.id,
      cidrBlock: '10.20.1.0/24',
      availabilityZone: 'us-east-1a',
      tags: { Name: 'hello-nic-app' },
    });
    new NetworkInterface(this, 'app-eni', {
      subnetId: subnet.id,
      privateIps: ['10.20.1.10'],
      description: 'application interface of hello-nic',
      tags: { Name: 'hello-nic-app' },
    });
  }
}

runExample((app) => new HelloNicStack(app, 'hello-nic'));
