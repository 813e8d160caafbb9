import { IpCommand, policyRoutingCommands, PolicyRoutingValues } from '../../lib/os/policy-routing-commands';

const VALUES: PolicyRoutingValues = {
  device: 'eth1', prefixLength: '24', subnetCidr: '10.0.2.0/24', primaryAddress: '10.0.2.10', gateway: '10.0.2.1', table: '101', priority: '1001',
};
const ADDRESSES = ['10.0.2.10', '10.0.2.11'];

function indexOf(commands: IpCommand[], words: string): number {
  const index = commands.findIndex((command) => command.args.join(' ').startsWith(words));
  expect(index).toBeGreaterThanOrEqual(0);
  return index;
}

describe('policyRoutingCommands', () => {
  const commands = policyRoutingCommands(VALUES, ADDRESSES);

  test('THEN every address is configured and gets one rule into the table', () => {
    for (const address of ADDRESSES) {
      indexOf(commands, `address replace ${address}/24 dev eth1`);
      const adds = commands.filter((command) => command.args.join(' ') === `rule add from ${address}/32 table 101 priority 1001`);
      expect(adds).toHaveLength(1);
    }
  });

  test('THEN each rule is deleted (until none is left) before it is added, so a second run cannot fail', () => {
    for (const address of ADDRESSES) {
      const del = indexOf(commands, `rule del from ${address}/32 table 101 priority 1001`);
      expect(commands[del].repeatUntilFailure).toBe(true);
      expect(del).toBeLessThan(indexOf(commands, `rule add from ${address}/32`));
    }
  });

  test('THEN the device is up and the primary address exists before a route uses them', () => {
    const subnetRoute = indexOf(commands, 'route replace 10.0.2.0/24 dev eth1 src 10.0.2.10 table 101');
    expect(indexOf(commands, 'link set dev eth1 up')).toBeLessThan(subnetRoute);
    expect(indexOf(commands, 'address replace 10.0.2.10/24')).toBeLessThan(subnetRoute);
    expect(subnetRoute).toBeLessThan(indexOf(commands, 'route replace default via 10.0.2.1 dev eth1 table 101'));
  });

  test('THEN only the interface\'s table is written, never the main table', () => {
    for (const command of commands.filter((c) => c.args[0] === 'route')) {
      expect(command.args.slice(-2)).toEqual(['table', '101']);
    }
  });
});
