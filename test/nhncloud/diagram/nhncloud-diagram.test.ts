import { TerraformStack } from 'cdktf';
import { NetworkDiagram } from '../../../lib/diagram/network-diagram';
import { NhnMarkerTag } from '../../../lib/nhncloud/rules/marker-tags';
import { edgesBetween, nodeTitled, parseFlowchart, ParsedFlowchart } from '../../diagram/mermaid-structure';
import { associateFloatingIp, carrier, deployTime, instance, nhnNetwork, nhnStack, port, RawResource, virtualIp } from '../rules/nhn-test-helpers';

function draw(stack: TerraformStack): ParsedFlowchart {
  return parseFlowchart(NetworkDiagram.render(stack));
}

/**
 * A web instance with a standalone service port (a `network` block) that carries a virtual IP, a
 * floating IP on the virtual IP, a management port attached after creation with port security off,
 * and a worker whose NIC the instance creates itself.
 */
function webStack(): TerraformStack {
  const stack = nhnStack();
  const { subnets: [service, management], group } = nhnNetwork(stack);
  const vip = virtualIp(stack, 'vip', service, '10.0.0.100');
  const eth0 = carrier(stack, 'eth0', service, vip, { security_group_ids: [group.id] }).ref('id');
  const web = instance(stack, 'web', { network: [{ port: eth0 }] });
  const eth1 = port(stack, 'eth1', management, { port_security_enabled: false }, '10.0.1.10');
  new RawResource(stack, 'eth1-attach', 'nhncloud_compute_interface_attach_v2', { instance_id: web.id, port_id: eth1.id });
  associateFloatingIp(stack, 'vip-public', vip.id);
  instance(stack, 'worker', { security_groups: ['app'], network: [{ uuid: '${nhncloud_networking_vpc_v2.vpc.id}' }] });
  return stack;
}

describe('NetworkDiagram of an NHN Cloud stack', () => {
  test('explains the drawing in NHN Cloud\'s words, not AWS\'s or Alibaba Cloud\'s', () => {
    // GIVEN an NHN Cloud stack
    const stack = webStack();

    // WHEN its Markdown page is rendered
    const page = NetworkDiagram.renderMarkdown(stack);
    const legend = page.split('## Legend')[1].split('## Security groups')[0];

    // THEN the legend names ports, virtual IP ports, floating IPs and port security, and nothing of the other clouds
    expect(legend).toContain('| large boxes | VPC (CIDR) holding subnets (CIDR) |');
    expect(legend).toContain('| flag | floating IP, arrow labelled with the fixed IP it maps to |');
    expect(legend).toContain('| hexagon | virtual IP port (`network:virtual_ip`), in its subnet |');
    expect(legend).toContain('port security off');
    expect(legend).toContain('`NHN-picked`');
    expect(legend).not.toMatch(/AWS|Elastic IP|ENI|vSwitch|HaVip|Alibaba|aws_|alicloud_/);
    // AND the table lists each port's groups, the default group of a port the instance creates included
    expect(page).toContain('| port eth0 | app (sg) |');
    expect(page).toContain('| port 1 of worker | app (sg) |');
  });

  test('draws the VPC, the subnets, the instance with the port of its network block and the port attached after creation', () => {
    // GIVEN the web stack
    const stack = webStack();

    // WHEN drawn
    const chart = draw(stack);

    // THEN the subnets sit in the VPC, each port in its subnet and the instance in the VPC
    const vpc = nodeTitled(chart, 'VPC vpc');
    const service = nodeTitled(chart, 'subnet subnet-a');
    expect(service).toMatchObject({ parent: vpc.id, label: 'subnet subnet-a: 10.0.0.0/24' });
    expect(nodeTitled(chart, 'instance web')).toMatchObject({ parent: vpc.id, label: 'instance web\nm2.c2m4' });
    expect(nodeTitled(chart, 'port eth0')).toMatchObject({ parent: service.id, label: 'port eth0\nIPv4 NHN-picked\nallowed 10.0.0.100\nSG app' });
    expect(nodeTitled(chart, 'port eth1')).toMatchObject({
      parent: nodeTitled(chart, 'subnet subnet-b').id, label: 'port eth1\nIPv4 10.0.1.10\nport security off',
    });
    // AND the network block's port is attached at creation (solid), the other after it (dashed)
    expect(edgesBetween(chart, 'port eth0', 'instance web')).toMatchObject([{ arrow: '-->', label: 'network 0' }]);
    expect(edgesBetween(chart, 'port eth1', 'instance web')).toMatchObject([{ arrow: '-.->', label: 'interface attach', style: 'stroke-dasharray:8 4' }]);
    // AND the NIC the worker creates from its network block carries the worker's groups, in the VPC
    expect(nodeTitled(chart, 'port 1 of worker')).toMatchObject({ parent: vpc.id, label: 'port 1 of worker\nIPv4 NHN-picked\nSG app' });
    expect(edgesBetween(chart, 'port 1 of worker', 'instance worker')).toMatchObject([{ arrow: '-->', label: 'network 0' }]);
  });

  test('draws the virtual IP port in its subnet, reaching the port whose allowed address pairs hold it', () => {
    // GIVEN the web stack, whose eth0 names the virtual IP in its allowed address pairs
    const stack = webStack();

    // WHEN drawn
    const chart = draw(stack);

    // THEN the virtual IP is a hexagon in its subnet, with no security group (a virtual IP belongs to none)
    expect(nodeTitled(chart, 'virtual IP port vip')).toMatchObject({
      shape: 'hexagon', parent: nodeTitled(chart, 'subnet subnet-a').id, label: 'virtual IP port vip\nIPv4 10.0.0.100',
    });
    // AND a dotted edge reaches the port that may carry it
    expect(edgesBetween(chart, 'virtual IP port vip', 'port eth0')).toMatchObject([{ arrow: '-.->', label: 'allowed address pair', style: 'stroke:#888,stroke-dasharray:2 4' }]);
  });

  test('draws each floating IP with what it maps to, and one that nothing associates', () => {
    // GIVEN the web stack with a floating IP on the virtual IP, one on eth1 at a given fixed IP,
    // one associated with the worker instance, one a network block names and one on its own
    const stack = webStack();
    const edgeFip = new RawResource(stack, 'edge-fip', 'nhncloud_networking_floatingip_v2', { pool: 'Public Network' });
    instance(stack, 'edge', { network: [{ uuid: '${nhncloud_networking_vpc_v2.vpc.id}', floating_ip: edgeFip.ref('address') }] });
    associateFloatingIp(stack, 'eth1-public', '${nhncloud_networking_port_v2.eth1.id}', { fixed_ip: '10.0.1.10' });
    const workerFip = new RawResource(stack, 'worker-fip', 'nhncloud_networking_floatingip_v2', { pool: 'Public Network' });
    new RawResource(stack, 'worker-public', 'nhncloud_compute_floatingip_associate_v2', {
      floating_ip: workerFip.ref('address'), instance_id: '${nhncloud_compute_instance_v2.worker.id}',
    });
    new RawResource(stack, 'spare', 'nhncloud_networking_floatingip_v2', { pool: 'Public Network' });

    // WHEN drawn
    const chart = draw(stack);

    // THEN each floating IP points at its port, or at the instance
    expect(edgesBetween(chart, 'floating IP vip-public-fip', 'virtual IP port vip')).toMatchObject([{ arrow: '-->', label: 'maps to the port\'s first fixed IP' }]);
    expect(nodeTitled(chart, 'floating IP vip-public-fip').label).toBe('floating IP vip-public-fip\npublic (deploy-time)\npool Public Network');
    expect(edgesBetween(chart, 'floating IP eth1-public-fip', 'port eth1')).toMatchObject([{ label: 'maps to 10.0.1.10' }]);
    expect(edgesBetween(chart, 'floating IP worker-fip', 'instance worker')).toHaveLength(1);
    expect(edgesBetween(chart, 'floating IP edge-fip', 'port 1 of edge')).toMatchObject([{ label: 'network block' }]);
    expect(nodeTitled(chart, 'floating IP edge-fip').label).not.toContain('not associated');
    // AND the one nothing associates says so
    expect(nodeTitled(chart, 'floating IP spare').label).toBe('floating IP spare\npublic (deploy-time)\npool Public Network\nnot associated');
  });

  test('shows values known only at deploy time as such, and what is not in the stack as placeholders', () => {
    // GIVEN a port whose subnet, address and groups are deploy-time values, attached to an instance
    // id variable, with a floating IP given by a variable
    const stack = nhnStack();
    const nic = new RawResource(stack, 'nic', 'nhncloud_networking_port_v2', {
      network_id: deployTime(stack, 'network'),
      fixed_ip: [{ subnet_id: deployTime(stack, 'subnet'), ip_address: deployTime(stack, 'ip') }],
      security_group_ids: deployTime(stack, 'groups', 'list(string)'),
    });
    new RawResource(stack, 'nic-attach', 'nhncloud_compute_interface_attach_v2', { instance_id: deployTime(stack, 'instance'), port_id: nic.id });
    new RawResource(stack, 'nic-public', 'nhncloud_networking_floatingip_associate_v2', { floating_ip: deployTime(stack, 'fip'), port_id: nic.id });

    // WHEN drawn
    const chart = draw(stack);

    // THEN the address and groups read (deploy-time), and the subnet, instance and floating IP are placeholders
    expect(nodeTitled(chart, 'port nic').label).toBe('port nic\nIPv4 (deploy-time)\nSG (deploy-time)');
    expect(nodeTitled(chart, 'port nic').parent).toBe(nodeTitled(chart, 'subnet (deploy-time)').id);
    expect(nodeTitled(chart, 'instance (deploy-time)').label).toBe('instance (deploy-time)\nnot in this stack');
    expect(edgesBetween(chart, 'port nic', 'instance (deploy-time)')).toMatchObject([{ arrow: '-.->', label: 'interface attach' }]);
    expect(edgesBetween(chart, 'floating IP (deploy-time)', 'port nic')).toHaveLength(1);
    expect(chart.classes.get('external')).toEqual(expect.arrayContaining([
      nodeTitled(chart, 'instance (deploy-time)').id, nodeTitled(chart, 'floating IP (deploy-time)').id,
    ]));
  });

  test('draws a port attached through its own device_id, and instance network blocks only known at deploy time', () => {
    // GIVEN a port naming an instance in device_id, on an instance whose network blocks are dynamic,
    // AND a port with no security groups
    const stack = nhnStack();
    const { subnets: [subnet] } = nhnNetwork(stack);
    const host = new RawResource(stack, 'host', 'nhncloud_compute_instance_v2', {
      name: 'host', flavor_id: 'flavor-0123', dynamic: { network: { for_each: deployTime(stack, 'nets', 'list(string)'), content: { uuid: '${network.value}' } } },
    });
    port(stack, 'bound', subnet, { device_id: host.id }, '10.0.0.30');
    port(stack, 'bare', subnet, { no_security_groups: true, allowed_address_pairs: [{ ip_address: '10.0.0.0/24' }] });

    // WHEN drawn
    const chart = draw(stack);

    // THEN the port reaches the instance with a dashed edge, and the instance says more ports are only known once deployed
    expect(edgesBetween(chart, 'port bound', 'instance host')).toMatchObject([{ arrow: '-.->', label: 'device_id' }]);
    expect(nodeTitled(chart, 'instance host').label).toBe('instance host\nflavor-0123\nmore ports (deploy-time)');
    expect(nodeTitled(chart, 'port bound').label).toBe('port bound\nIPv4 10.0.0.30\nSG default');
    // AND a port without groups says so, with the range its allowed address pairs name
    expect(nodeTitled(chart, 'port bare').label).toBe('port bare\nIPv4 NHN-picked\nallowed 10.0.0.0/24\nno security groups');
  });

  test('shows which failover instance holds the failover port, and the one it moves to', () => {
    // GIVEN a failover port attached to the primary of two instances marked failover
    const stack = nhnStack();
    const { subnets: [subnet] } = nhnNetwork(stack);
    const tags = [NhnMarkerTag.failover];
    const primary = instance(stack, 'primary', { tags });
    instance(stack, 'standby', { tags });
    instance(stack, 'other', {});
    const service = port(stack, 'service', subnet, { tags }, '10.0.0.50');
    new RawResource(stack, 'service-attach', 'nhncloud_compute_interface_attach_v2', { instance_id: primary.id, port_id: service.id });

    // WHEN drawn
    const chart = draw(stack);

    // THEN the port reaches the primary as active (thick green) and the standby with a dotted edge, and no other instance
    expect(edgesBetween(chart, 'port service', 'instance primary')).toMatchObject([{ arrow: '==>', label: 'interface attach, active' }]);
    expect(edgesBetween(chart, 'port service', 'instance standby')).toMatchObject([{ arrow: '-.->', label: 'standby', style: 'stroke:#888,stroke-dasharray:2 4' }]);
    expect(edgesBetween(chart, 'port service', 'instance other')).toEqual([]);
  });
});
