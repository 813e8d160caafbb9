import { spawnSync } from 'child_process';
import { randomBytes } from 'crypto';
import { IpCommand } from '../../../lib/os/policy-routing-commands';

/**
 * Network-namespace helpers for the policy routing test: a "host" namespace with one veth per
 * interface, each cabled to a "router" namespace that plays the subnet's VPC router. Addresses
 * are 10.x inside the namespaces only; nothing leaves the machine.
 */

/** Whether namespaces can be created here, and why not. */
export interface NetnsAvailability {
  readonly available: boolean;
  readonly reason?: string;
}

/** The iproute2 `ip` executable: `NIC_TEST_IP_BINARY`, else `ip` from the PATH. */
const IP = process.env.NIC_TEST_IP_BINARY ?? 'ip';

/** Runs `ip` with `args`; throws with stderr on failure. */
export function ip(args: string[], input?: string): string {
  const result = spawnSync(IP, args, { encoding: 'utf8', input, timeout: 10_000 });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`ip ${args.join(' ')} failed (${result.status}): ${result.stderr.trim()}`);
  return result.stdout;
}

/** True when `ip` exists and this user may create network namespaces. */
export function netnsAvailability(): NetnsAvailability {
  const probe = `nicprobe-${randomBytes(3).toString('hex')}`;
  try {
    ip(['-V']);
  } catch (e) {
    return { available: false, reason: `the ip command (iproute2) is not runnable: ${(e as Error).message}` };
  }
  try {
    ip(['netns', 'add', probe]);
  } catch (e) {
    return { available: false, reason: `ip netns add is not permitted: ${(e as Error).message}` };
  }
  ip(['netns', 'del', probe]);
  return { available: true };
}

/**
 * `describe` for tests that need network namespaces: skipped with a console message where they
 * cannot be created, failed instead under `CI=true` so a pipeline never passes untested.
 */
export function describeNetns(name: string, fn: () => void): void {
  const availability = netnsAvailability();
  if (availability.available) {
    describe(name, fn);
    return;
  }
  const message = `network-namespace tests "${name}" cannot run: ${availability.reason}`;
  if (process.env.CI === 'true') {
    describe(name, () => {
      test('fails when network namespaces are unavailable under CI=true', () => {
        throw new Error(message);
      });
    });
    return;
  }
  // eslint-disable-next-line no-console
  console.warn(`SKIPPED: ${message}`);
  describe.skip(name, fn);
}

/** One interface of the emulated host and the router at the other end of its cable. */
export interface EmulatedLink {
  /** Device name in the host namespace. */
  readonly device: string;
  readonly macAddress: string;
  readonly subnetCidr: string;
  /** The router's address, the subnet's first host address like the VPC router. */
  readonly routerAddress: string;
  /** Address configured on the host before the test runs (the primary interface's), if any. */
  readonly hostAddress?: string;
}

/** Namespaces created by one test file, deleted together. */
export class NetnsLab {
  private readonly suffix = randomBytes(3).toString('hex');
  private readonly namespaces: string[] = [];

  /** Creates a host namespace cabled to one router namespace per link; returns the host's name. */
  public createHost(label: string, links: EmulatedLink[]): string {
    const host = this.addNamespace(`nic-${label}-${this.suffix}`);
    ip(['-n', host, 'link', 'set', 'lo', 'up']);
    links.forEach((link, i) => {
      const router = this.addNamespace(`nic-${label}-r${i}-${this.suffix}`);
      ip(['link', 'add', link.device, 'netns', host, 'address', link.macAddress, 'type', 'veth', 'peer', 'name', 'uplink', 'netns', router]);
      const prefix = link.subnetCidr.split('/')[1];
      ip(['-n', router, 'address', 'add', `${link.routerAddress}/${prefix}`, 'dev', 'uplink']);
      ip(['-n', router, 'link', 'set', 'uplink', 'up']);
      ip(['-n', router, 'link', 'set', 'lo', 'up']);
      if (link.hostAddress !== undefined) {
        ip(['-n', host, 'address', 'add', `${link.hostAddress}/${prefix}`, 'dev', link.device]);
        ip(['-n', host, 'link', 'set', link.device, 'up']);
        ip(['-n', host, 'route', 'add', 'default', 'via', link.routerAddress, 'dev', link.device]);
      }
    });
    return host;
  }

  /** Deletes every namespace created, ignoring those already gone. */
  public destroy(): void {
    for (const namespace of this.namespaces.splice(0)) {
      spawnSync(IP, ['netns', 'del', namespace]);
    }
  }

  private addNamespace(name: string): string {
    ip(['netns', 'add', name]);
    this.namespaces.push(name);
    return name;
  }
}

/** Runs generated commands in `namespace` the way the shell script does. */
export function runIpCommands(namespace: string, commands: IpCommand[]): void {
  for (const command of commands) {
    if (!command.repeatUntilFailure) {
      ip(['-n', namespace, ...command.args]);
      continue;
    }
    for (let attempt = 0; attempt < 100; attempt++) {
      if (spawnSync(IP, ['-n', namespace, ...command.args]).status !== 0) break;
    }
  }
}

/** Runs a shell script inside `namespace` (with its own /sys/class/net); returns its stderr. */
export function runScriptIn(namespace: string, script: string): string {
  const result = spawnSync(IP, ['netns', 'exec', namespace, 'sh', '-s'], { encoding: 'utf8', input: script, timeout: 15_000 });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`script failed in ${namespace} (${result.status}): ${result.stderr}`);
  return result.stderr;
}

/** Where a packet from `source` to `destination` leaves the namespace (`ip route get`). */
export function routeGet(namespace: string, destination: string, source?: string): { device?: string; via?: string } {
  const args = ['-n', namespace, 'route', 'get', destination, ...(source === undefined ? [] : ['from', source])];
  const output = ip(args);
  return { device: /\bdev (\S+)/.exec(output)?.[1], via: /\bvia (\S+)/.exec(output)?.[1] };
}
