import { Testing, TerraformStack } from 'cdktf';
import {
  describeNetns, EmulatedLink, ip, NetnsLab, routeGet, runIpCommands, runScriptIn,
} from './netns-host';
import { InterfaceRouting } from '../../../lib/aws/os/interface-routing';
import { resolveInterfaceRoutings } from '../../../lib/aws/os/resolve-interface-routing';
import { renderIproute2Script } from '../../../lib/os/iproute2-script';
import { policyRoutingCommands } from '../../../lib/os/policy-routing-commands';
import { ResolvedInterfaceRouting } from '../../../lib/os/resolved-interface-routing';

// A host like an EC2 instance with a primary interface (eth0, configured as DHCP would: address
// and the main table's default route) and two secondary interfaces in two other subnets, each
// subnet with its own router at its first host address, like the VPC router.
const PRIMARY: EmulatedLink = {
  device: 'eth0', macAddress: '02:00:00:00:01:0a', subnetCidr: '10.0.1.0/24', routerAddress: '10.0.1.1', hostAddress: '10.0.1.10',
};
const SECONDARY: EmulatedLink[] = [
  { device: 'eth1', macAddress: '02:00:00:00:02:0a', subnetCidr: '10.0.2.0/24', routerAddress: '10.0.2.1' },
  { device: 'ens7', macAddress: '02:00:00:00:03:0a', subnetCidr: '10.0.3.0/24', routerAddress: '10.0.3.1' },
];
const ROUTING: InterfaceRouting[] = [
  { deviceIndex: 1, macAddress: SECONDARY[0].macAddress, privateIps: ['10.0.2.10', '10.0.2.11'], subnetCidr: SECONDARY[0].subnetCidr },
  { deviceIndex: 2, macAddress: SECONDARY[1].macAddress.toUpperCase(), privateIps: ['10.0.3.20'], subnetCidr: SECONDARY[1].subnetCidr },
];
// A client on the internet (documentation range): only reachable through a default route.
const REMOTE = '198.51.100.7';

function resolved(): ResolvedInterfaceRouting[] {
  return resolveInterfaceRoutings(new TerraformStack(Testing.app(), 'netns'), ROUTING);
}

/** Runs the pure command layer for every interface, with the device names of this host. */
function runGeneratedCommands(host: string): void {
  resolved().forEach((routing, i) => runIpCommands(host, policyRoutingCommands({
    device: SECONDARY[i].device,
    prefixLength: routing.prefixLength,
    subnetCidr: routing.subnetCidr,
    primaryAddress: routing.primaryAddress,
    gateway: routing.gateway,
    table: String(routing.table),
    priority: String(routing.priority),
  }, routing.addresses)));
}

function expectEachSourceLeavesByItsOwnInterface(host: string): void {
  ROUTING.forEach((routing, i) => {
    for (const source of routing.privateIps) {
      expect({ source, ...routeGet(host, REMOTE, source) })
        .toEqual({ source, device: SECONDARY[i].device, via: SECONDARY[i].routerAddress });
    }
  });
  // The primary address and unbound traffic keep using the main table.
  expect(routeGet(host, REMOTE, PRIMARY.hostAddress)).toEqual({ device: PRIMARY.device, via: PRIMARY.routerAddress });
  expect(routeGet(host, REMOTE)).toEqual({ device: PRIMARY.device, via: PRIMARY.routerAddress });
}

function rulesFrom(host: string, address: string): string[] {
  return ip(['-n', host, 'rule', 'show']).split('\n').filter((line) => line.includes(`from ${address} `));
}

/** The host's IPv4 routing state; IPv6 is left out because link-local addresses settle (DAD) on their own schedule. */
function policyState(host: string): string {
  return ['rule show', 'route show table all', 'address show'].map((what) => ip(['-4', '-n', host, ...what.split(' ')])).join('\n');
}

describeNetns('policy routing generated for secondary interfaces, in network namespaces', () => {
  const lab = new NetnsLab();
  afterAll(() => lab.destroy());

  describe('GIVEN a host whose secondary interfaces are attached but not configured', () => {
    let host: string;
    let mainDefaultBefore: string;
    beforeAll(() => {
      host = lab.createHost('cmd', [PRIMARY, ...SECONDARY]);
      mainDefaultBefore = ip(['-n', host, 'route', 'show', 'default']);
    });

    test('WHEN nothing is configured THEN every source leaves by the primary interface (the asymmetric routing to fix)', () => {
      // GIVEN the secondary addresses, added without policy routing
      ip(['-n', host, 'address', 'add', '10.0.2.10/24', 'dev', 'eth1']);
      ip(['-n', host, 'link', 'set', 'eth1', 'up']);
      // THEN a reply from a secondary address to a remote client takes eth0
      expect(routeGet(host, REMOTE, '10.0.2.10')).toEqual({ device: 'eth0', via: '10.0.1.1' });
    });

    test('WHEN the generated iproute2 commands run THEN each source address leaves by its own interface and gateway', () => {
      runGeneratedCommands(host);
      expectEachSourceLeavesByItsOwnInterface(host);
    });

    test('THEN the main table\'s default route is unchanged', () => {
      expect(ip(['-n', host, 'route', 'show', 'default'])).toBe(mainDefaultBefore);
      expect(mainDefaultBefore).toContain('via 10.0.1.1 dev eth0');
    });

    test('WHEN the commands run a second time THEN nothing changes and no rule is duplicated', () => {
      const before = policyState(host);
      runGeneratedCommands(host);
      expect(policyState(host)).toBe(before);
      for (const address of ROUTING.flatMap((routing) => routing.privateIps)) {
        expect(rulesFrom(host, address)).toHaveLength(1);
      }
    });
  });

  describe('GIVEN another such host with a rule left by an earlier run', () => {
    let host: string;
    beforeAll(() => {
      host = lab.createHost('sh', [PRIMARY, ...SECONDARY]);
      // Recent kernels refuse to add an identical rule again (EEXIST), which would stop the script.
      ip(['-n', host, 'rule', 'add', 'from', '10.0.2.10/32', 'table', '101', 'priority', '1001']);
    });

    test('WHEN the rendered shell script runs (finding devices by MAC address) THEN each source leaves by its own interface', () => {
      const log = runScriptIn(host, renderIproute2Script(resolved()));
      expectEachSourceLeavesByItsOwnInterface(host);
      expect(log).toContain('secondary-interface-routing: eth1 (02:00:00:00:02:0a): route table 101');
      expect(log).toContain('secondary-interface-routing: ens7 (02:00:00:00:03:0a): route table 102');
      expect(ip(['-n', host, 'route', 'show', 'default'])).toContain('via 10.0.1.1 dev eth0');
    });

    test('THEN the rule exists once and a second run changes nothing', () => {
      expect(rulesFrom(host, '10.0.2.10')).toHaveLength(1);
      const before = policyState(host);
      runScriptIn(host, renderIproute2Script(resolved()));
      expect(policyState(host)).toBe(before);
    });
  });
});
