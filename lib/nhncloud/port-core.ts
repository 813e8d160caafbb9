import { Fn } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { NetworkingPortV2, NetworkingPortV2Config } from './bindings/networking-port-v2';
import { NhnDocUrl } from './doc-url';
import { FixedIpAssignment } from './fixed-ip-assignment';
import { VpcSubnetReference } from './vpc-subnet-reference';
import { cidrContains, parseCidr } from '../core/cidr';
import { ErrorCode } from '../core/error-codes';
import { NetworkConstraintError } from '../core/errors';
import { isIpv4 } from '../core/ipv4';
import { isUnresolved, literal } from '../core/tokens';

/** What every port of this library is made of, whatever it is for. */
export interface PortCoreProps {
  readonly subnet: VpcSubnetReference;
  readonly fixedIps: FixedIpAssignment;
  readonly name?: string;
  readonly description?: string;
  /** The user's tags, then the marker tags the construct sets. */
  readonly tags: string[];
  /** The arguments only this kind of port writes (port security, device id). */
  readonly config: Partial<NetworkingPortV2Config>;
}

/**
 * The `nhncloud_networking_port_v2` of a `Port` or a `VirtualIpPort` and what both check: fixed IPs
 * in the subnet, written first one first, the port's tags, and one floating IP per fixed IP.
 */
export class PortCore {
  public readonly resource: NetworkingPortV2;
  public readonly subnet: VpcSubnetReference;
  public readonly fixedIps: FixedIpAssignment;
  private readonly tags: string[];
  /** Fixed IPs that carry a floating IP (`first` when the port has one address not fixed at synth time). */
  private readonly floatingIpAddresses = new Set<string>();

  constructor(private readonly owner: Construct, props: PortCoreProps) {
    this.subnet = props.subnet;
    this.fixedIps = props.fixedIps;
    this.tags = [...props.tags];
    this.checkAddresses();
    const addresses = this.fixedIps.fixedAddresses;
    const fixedIp = addresses
      ? addresses.map((ipAddress) => ({ subnetId: this.subnet.subnetId, ipAddress }))
      : Array.from({ length: this.fixedIps.totalAddresses }, () => ({ subnetId: this.subnet.subnetId }));
    this.resource = new NetworkingPortV2(owner, 'Resource', {
      networkId: this.subnet.vpcId,
      fixedIp,
      name: props.name,
      description: props.description,
      tags: this.tags.length > 0 ? this.tags : undefined,
      ...props.config,
    });
  }

  /** The port's address at `index` (0 is the first): the one given when fixed, else the one NHN Cloud returns there. */
  public fixedIpAt(index: number): string {
    return this.fixedIps.fixedAddresses?.[index] ?? Fn.element(this.resource.allFixedIps, index);
  }

  /** Adds a marker tag once. */
  public addTag(tag: string): void {
    if (this.tags.includes(tag)) return;
    this.tags.push(tag);
    this.resource.tags = [...this.tags];
  }

  /** Whether the port has the tag. */
  public hasTag(tag: string): boolean {
    return this.tags.includes(tag);
  }

  /**
   * Checks a floating IP association with the port and records it: a floating IP maps to one
   * fixed IP, a fixed IP takes one floating IP, and a port with several fixed IPs needs the one
   * named (constraints.md B13).
   * @returns the `fixed_ip` to write (`undefined` for a port with one address)
   */
  public claimFloatingIp(floatingIp: IConstruct, fixedIp: string | undefined): string | undefined {
    const fixed = this.fixedIps.fixedAddresses;
    if (fixedIp === undefined && this.fixedIps.totalAddresses > 1) {
      throw new NetworkConstraintError({
        code: ErrorCode.FloatingIpNeedsFixedIp,
        scope: floatingIp,
        problem: `${this.owner.node.path} has ${this.fixedIps.totalAddresses} fixed IPs, so the association must name the one the floating IP maps to`,
        received: 'no fixedIp',
        allowed: fixed ? `one of ${fixed.join(', ')}` : 'one of the port\'s addresses, such as port.fixedIpAt(1)',
        fix: 'Pass { fixedIp } to associateWith',
        docUrl: NhnDocUrl.floatingIp,
      });
    }
    if (fixedIp !== undefined && !isUnresolved(fixedIp)) this.checkOwnAddress(floatingIp, fixedIp);
    const key = fixedIp === undefined ? 'the first fixed IP' : literal(fixedIp);
    if (key !== undefined && this.floatingIpAddresses.has(key)) {
      throw new NetworkConstraintError({
        code: ErrorCode.ElasticIpAddressAlreadyTaken,
        scope: floatingIp,
        problem: `a fixed IP takes one floating IP, and ${key} of ${this.owner.node.path} has one already`,
        received: key,
        allowed: 'one floating IP per fixed IP of the port',
        fix: 'Give the port another fixed IP and map the next floating IP to it',
        docUrl: NhnDocUrl.floatingIp,
      });
    }
    if (key !== undefined) this.floatingIpAddresses.add(key);
    // A port with a single address written out by the user gets it named too: nothing to guess.
    return fixedIp;
  }

  private checkOwnAddress(scope: IConstruct, fixedIp: string): void {
    const fixed = this.fixedIps.fixedAddresses;
    if (!isIpv4(fixedIp)) {
      throw new NetworkConstraintError({
        code: ErrorCode.InvalidIpv4Address,
        scope,
        problem: 'the fixed IP of the association is not an IPv4 address',
        received: JSON.stringify(fixedIp),
        allowed: 'a dotted-quad IPv4 address of the port',
      });
    }
    if (fixed !== undefined && (isUnresolved(fixed) || fixed.includes(fixedIp))) return;
    throw new NetworkConstraintError({
      code: ErrorCode.ElasticIpAddressNotOnInterface,
      scope,
      problem: `the floating IP is mapped to a fixed IP that ${this.owner.node.path} does not have`,
      received: fixedIp,
      allowed: fixed === undefined ? 'an address of the port: NHN Cloud picks them, so pass port.fixedIpAt(index)' : `one of ${fixed.join(', ')}`,
      docUrl: NhnDocUrl.floatingIp,
    });
  }

  private checkAddresses(): void {
    const cidr = this.subnet.cidr;
    if (cidr !== undefined && parseCidr(cidr)?.family !== 4) {
      throw new NetworkConstraintError({
        code: ErrorCode.InvalidCidr,
        scope: this.owner,
        problem: 'the subnet\'s CIDR block is not an IPv4 CIDR block',
        received: JSON.stringify(cidr),
        allowed: 'a block such as 192.168.0.0/24',
      });
    }
    const seen = new Set<string>();
    (this.fixedIps.fixedAddresses ?? []).forEach((address, i) => {
      if (isUnresolved(address)) return;
      if (cidr !== undefined && !cidrContains(cidr, address)) {
        throw new NetworkConstraintError({
          code: ErrorCode.AddressOutsideSubnet,
          scope: this.owner,
          problem: `${i === 0 ? 'the first fixed IP' : `fixed IP #${i + 1}`} is outside the port's subnet`,
          received: `${address} (subnet ${cidr})`,
          allowed: `an address of ${cidr}`,
          docUrl: NhnDocUrl.portResource,
        });
      }
      if (seen.has(address)) {
        throw new NetworkConstraintError({
          code: ErrorCode.DuplicateAddress,
          scope: this.owner,
          problem: 'the fixed IPs list an address twice',
          received: address,
          allowed: 'each address once',
        });
      }
      seen.add(address);
    });
  }
}
