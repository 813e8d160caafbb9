import { App, TerraformStack } from 'cdktf';
import { edgesBetween, nodeTitled, parseFlowchart } from './mermaid-structure';
import { ALL_EXAMPLES } from '../../examples/all-examples';
import { NetworkDiagram } from '../../lib/diagram/network-diagram';
import { removeOutput, testApp } from '../checks/rule-test-helpers';

/** The stacks of one example, built into a fresh app (not synthesized: its empty output folder is removed). */
function exampleStacks(build: (app: App) => void): TerraformStack[] {
  const app = testApp();
  removeOutput(app);
  build(app);
  return app.node.children.filter((child): child is TerraformStack => TerraformStack.isStack(child));
}

describe('NetworkDiagram on the examples', () => {
  test.each(ALL_EXAMPLES.map((example) => [example.name, example.build] as const))(
    'draws a well-formed diagram of every stack of %s, with every interface attached or explained',
    (_, build) => {
      for (const stack of exampleStacks(build)) {
        const chart = parseFlowchart(NetworkDiagram.render(stack));
        const interfaces = [...chart.nodes.values()].filter((node) => node.shape === 'stadium');
        // A stack may have no interface at all (a NAT gateway with its EIPs): it still draws edges.
        expect(chart.edges.length).toBeGreaterThan(0);
        // Every interface reaches an instance, or is a failover interface (its standby edge) or external.
        for (const eni of interfaces) {
          const edges = chart.edges.filter((edge) => edge.from === eni.id || edge.to === eni.id);
          expect([eni.label, edges.length]).not.toEqual([eni.label, 0]);
        }
      }
    },
  );

  test('shows which member of the ha-failover-nic pair holds the interface, placed by the failover agent', () => {
    const example = ALL_EXAMPLES.find((e) => e.name === 'ha-failover-nic')!;
    const [stack] = exampleStacks(example.build);
    const chart = parseFlowchart(NetworkDiagram.render(stack));
    expect(edgesBetween(chart, 'eni web/Interface', 'instance web/Primary')[0]).toMatchObject({
      arrow: '==>', label: 'device 1, active (placed by the failover agent)',
    });
    expect(edgesBetween(chart, 'eni web/Interface', 'instance web/Standby')[0]).toMatchObject({ arrow: '-.->', label: 'standby' });
    expect(edgesBetween(chart, 'EIP web/ElasticIp', 'eni web/Interface')[0].label).toBe('maps to 10.30.1.10');
  });

  test('shows both virtual IPs of virtual-ip-pair', () => {
    const example = ALL_EXAMPLES.find((e) => e.name === 'virtual-ip-pair')!;
    const [stack] = exampleStacks(example.build);
    const chart = parseFlowchart(NetworkDiagram.render(stack));
    expect(nodeTitled(chart, 'VIP 10.50.1.100').label).toContain('secondary IP');
    expect(nodeTitled(chart, 'VIP 192.168.53.53').label).toContain('overlay route');
  });

  test('shows the virtual IP of nhncloud-building-blocks, the port that may carry it and its floating IP', () => {
    const example = ALL_EXAMPLES.find((e) => e.name === 'nhncloud-building-blocks')!;
    const [stack] = exampleStacks(example.build);
    const chart = parseFlowchart(NetworkDiagram.render(stack));
    expect(edgesBetween(chart, 'virtual IP port vip', 'port eth0')[0]).toMatchObject({ arrow: '-.->', label: 'allowed address pair' });
    expect(edgesBetween(chart, 'floating IP vip/FloatingIp', 'virtual IP port vip')).toHaveLength(1);
    expect(edgesBetween(chart, 'port eth1', 'instance web-host')[0].label).toBe('interface attach');
  });

  test('shows which member of the nhncloud-ha-failover-port pair holds the failover port', () => {
    const example = ALL_EXAMPLES.find((e) => e.name === 'nhncloud-ha-failover-port')!;
    const [stack] = exampleStacks(example.build);
    const chart = parseFlowchart(NetworkDiagram.render(stack));
    expect(edgesBetween(chart, 'port failover/Port', 'instance failover/PrimaryInstance')[0]).toMatchObject({ arrow: '==>', label: 'interface attach, active' });
    expect(edgesBetween(chart, 'port failover/Port', 'instance failover/StandbyInstance')[0]).toMatchObject({ arrow: '-.->', label: 'standby' });
  });
});
