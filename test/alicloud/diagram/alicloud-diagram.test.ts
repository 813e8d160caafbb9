import { TerraformStack } from 'cdktf';
import { NetworkDiagram } from '../../../lib/diagram/network-diagram';
import { edgesBetween, nodeTitled, parseFlowchart, ParsedFlowchart } from '../../diagram/mermaid-structure';
import { aliNetwork, aliStack, associateEip, attach, deployTime, ecs, eni, RawResource } from '../rules/ali-test-helpers';

function draw(stack: TerraformStack): ParsedFlowchart {
  return parseFlowchart(NetworkDiagram.render(stack));
}

/** An instance with its primary ENI in `vsw-a`, a secondary ENI attached after launch, and a HaVip. */
function webStack(): TerraformStack {
  const stack = aliStack();
  const { vswitches: [vswitch], group } = aliNetwork(stack);
  const web = ecs(stack, 'web', { vswitch_id: vswitch.id, private_ip: '10.0.0.10', security_groups: [group.id] });
  const data = eni(stack, 'data', { vswitch_id: vswitch.id, primary_ip_address: '10.0.0.20', private_ip_addresses: ['10.0.0.21'], security_group_ids: [group.id] });
  attach(stack, 'data-attachment', web, data);
  associateEip(stack, 'web-public', web.id, { instance_type: 'EcsInstance' });
  associateEip(stack, 'data-public', data.id, { instance_type: 'NetworkInterface', mode: 'BINDED', private_ip_address: '10.0.0.21' });
  const haVip = new RawResource(stack, 'vip', 'alicloud_havip', { vswitch_id: vswitch.id, ip_address: '10.0.0.100' });
  new RawResource(stack, 'vip-web', 'alicloud_havip_attachment', { ha_vip_id: haVip.id, instance_id: web.id, instance_type: 'EcsInstance' });
  associateEip(stack, 'vip-public', haVip.id, { instance_type: 'HaVip' });
  const nat = new RawResource(stack, 'nat', 'alicloud_nat_gateway', { vpc_id: '${alicloud_vpc.vpc.id}', vswitch_id: vswitch.id, nat_type: 'Enhanced' });
  associateEip(stack, 'nat-public', nat.id, { instance_type: 'Nat' });
  return stack;
}

describe('NetworkDiagram of an Alibaba Cloud stack', () => {
  test('explains the drawing in Alibaba Cloud\'s words, not AWS\'s', () => {
    // GIVEN an Alibaba Cloud stack
    const stack = webStack();

    // WHEN its Markdown page is rendered
    const legend = NetworkDiagram.renderMarkdown(stack).split('## Legend')[1].split('## Security groups')[0];

    // THEN the legend names vSwitches, ENIs, EIP modes and HaVips, and nothing of AWS
    expect(legend).toContain('| large boxes | VPC (CIDR) holding vSwitches (CIDR, zone) |');
    expect(legend).toContain('association mode (NAT, BINDED, MULTI_BINDED)');
    expect(legend).toContain('| hexagon | HaVip, in its vSwitch |');
    expect(legend).toContain('`Alibaba-picked`');
    expect(legend).not.toMatch(/AWS|Elastic IP|Availability Zone|launch template|aws_/);
  });

  test('lists the legend rows of both clouds once when a stack has resources of both', () => {
    // GIVEN an Alibaba Cloud stack that also has an AWS VPC
    const stack = webStack();
    new RawResource(stack, 'aws-vpc', 'aws_vpc', { cidr_block: '10.9.0.0/16' });

    // WHEN its Markdown page is rendered
    const legend = NetworkDiagram.renderMarkdown(stack).split('## Legend')[1].split('\n');

    // THEN each cloud explains its boxes, and the rows both clouds word alike appear once
    expect(legend).toContain('| large boxes | VPC (CIDR) holding subnets (CIDR, Availability Zone) |');
    expect(legend).toContain('| large boxes | VPC (CIDR) holding vSwitches (CIDR, zone) |');
    expect(legend.filter((line) => line.startsWith('| grey dashed box'))).toHaveLength(1);
  });

  test('draws the VPC, the vSwitch, the instance with its primary and secondary ENIs', () => {
    // GIVEN an instance in vsw-a and an ENI attached to it by an attachment resource
    const stack = webStack();

    // WHEN drawn
    const chart = draw(stack);

    // THEN the vSwitch sits in the VPC, both ENIs in the vSwitch and the instance in the VPC
    const vpc = nodeTitled(chart, 'VPC vpc');
    const vswitch = nodeTitled(chart, 'vSwitch vsw-a');
    expect(vswitch).toMatchObject({ parent: vpc.id, label: 'vSwitch vsw-a: 10.0.0.0/24, zone cn-hangzhou-h' });
    expect(nodeTitled(chart, 'instance web')).toMatchObject({ parent: vpc.id, label: 'instance web\necs.g6.large' });
    expect(nodeTitled(chart, 'primary eni of web')).toMatchObject({ parent: vswitch.id, label: 'primary eni of web\nIPv4 10.0.0.10 (primary)\nSG sg' });
    expect(nodeTitled(chart, 'eni data')).toMatchObject({ parent: vswitch.id, label: 'eni data\nIPv4 10.0.0.20 (primary), 10.0.0.21\nSG sg' });
    // AND the primary ENI is attached at launch (solid), the secondary after launch (dashed)
    expect(edgesBetween(chart, 'primary eni of web', 'instance web')).toMatchObject([{ arrow: '-->', label: 'primary' }]);
    expect(edgesBetween(chart, 'eni data', 'instance web')).toMatchObject([{ arrow: '-.->', label: 'secondary', style: 'stroke-dasharray:8 4' }]);
  });

  test('draws each EIP with its association: instance, ENI with mode and private IP, HaVip, NAT gateway', () => {
    // GIVEN EIPs associated with an instance, an ENI (BINDED), a HaVip and a NAT gateway
    const stack = webStack();

    // WHEN drawn
    const chart = draw(stack);

    // THEN each EIP points at what it is associated with
    expect(edgesBetween(chart, 'EIP web-public-eip', 'instance web')).toMatchObject([{ arrow: '-->', label: 'maps to primary IP' }]);
    expect(edgesBetween(chart, 'EIP data-public-eip', 'eni data')).toMatchObject([{ arrow: '-->', label: 'BINDED, maps to 10.0.0.21' }]);
    expect(edgesBetween(chart, 'EIP vip-public-eip', 'HaVip vip')).toMatchObject([{ label: 'follows the HaVip' }]);
    expect(edgesBetween(chart, 'EIP nat-public-eip', 'NAT gateway nat')).toMatchObject([{ label: 'NAT gateway address' }]);
    // AND the HaVip (in its vSwitch) reaches the instance it is attached to with a dashed edge
    expect(nodeTitled(chart, 'HaVip vip')).toMatchObject({ shape: 'hexagon', parent: nodeTitled(chart, 'vSwitch vsw-a').id, label: 'HaVip vip\nIPv4 10.0.0.100' });
    expect(edgesBetween(chart, 'HaVip vip', 'instance web')).toMatchObject([{ arrow: '-.->', label: 'may hold' }]);
    expect(nodeTitled(chart, 'NAT gateway nat').parent).toBe(nodeTitled(chart, 'vSwitch vsw-a').id);
  });

  test('shows values known only at deploy time as such, and an instance that is not in the stack as a placeholder', () => {
    // GIVEN an ENI whose primary IP, secondary count and vSwitch are deploy-time values, attached to an instance id variable,
    // AND an EIP associated with it in a deploy-time mode
    const stack = aliStack();
    const nic = eni(stack, 'nic', {
      vswitch_id: deployTime(stack, 'vswitch'), primary_ip_address: deployTime(stack, 'ip'), secondary_private_ip_address_count: deployTime(stack, 'count', 'number'),
    });
    attach(stack, 'nic-attachment', deployTime(stack, 'instance'), nic);
    associateEip(stack, 'nic-public', nic.id, { instance_type: 'NetworkInterface', mode: deployTime(stack, 'mode') });

    // WHEN drawn
    const chart = draw(stack);

    // THEN the addresses, the vSwitch, the instance, the mode and the EIP's address read (deploy-time)
    expect(nodeTitled(chart, 'eni nic').label).toBe('eni nic\nIPv4 (deploy-time) (primary) + (deploy-time) more');
    expect(nodeTitled(chart, 'eni nic').parent).toBe(nodeTitled(chart, 'vSwitch (deploy-time)').id);
    expect(nodeTitled(chart, 'instance (deploy-time)').label).toBe('instance (deploy-time)\nnot in this stack');
    expect(edgesBetween(chart, 'eni nic', 'instance (deploy-time)')).toMatchObject([{ arrow: '-.->', label: 'secondary' }]);
    expect(edgesBetween(chart, 'EIP nic-public-eip', 'eni nic')).toMatchObject([{ label: '(deploy-time), maps to primary IP' }]);
    expect(nodeTitled(chart, 'EIP nic-public-eip').label).toBe('EIP nic-public-eip\npublic (deploy-time)');
    expect(chart.classes.get('external')).toEqual(expect.arrayContaining([nodeTitled(chart, 'instance (deploy-time)').id]));
  });

  test('draws an ENI the deprecated alicloud_network_interface declares, and an EIP nothing associates', () => {
    // GIVEN a deprecated ENI attached through the deprecated attachment, and an EIP on its own
    const stack = aliStack();
    const { vswitches: [vswitch] } = aliNetwork(stack);
    const host = ecs(stack, 'host', { vswitch_id: vswitch.id });
    const old = new RawResource(stack, 'old', 'alicloud_network_interface', { vswitch_id: vswitch.id, private_ip: '10.0.0.30', private_ips_count: 2 });
    new RawResource(stack, 'old-attachment', 'alicloud_network_interface_attachment', { instance_id: host.id, network_interface_id: old.id });
    new RawResource(stack, 'spare', 'alicloud_eip_address', {});

    // WHEN drawn
    const chart = draw(stack);

    // THEN the ENI shows its Alibaba-picked secondaries and its dashed edge, the EIP that it is not associated
    expect(nodeTitled(chart, 'eni old').label).toBe('eni old\nIPv4 10.0.0.30 (primary) + 2 more');
    expect(edgesBetween(chart, 'eni old', 'instance host')).toMatchObject([{ arrow: '-.->', label: 'secondary' }]);
    expect(nodeTitled(chart, 'primary eni of host').label).toBe('primary eni of host\nIPv4 Alibaba-picked (primary)');
    expect(nodeTitled(chart, 'EIP spare').label).toBe('EIP spare\npublic (deploy-time)\nnot associated');
  });
});
