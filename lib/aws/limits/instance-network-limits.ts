import { INSTANCE_NETWORK_LIMITS_ROWS, InstanceNetworkLimitsRow } from './instance-network-limits.generated';

/**
 * How many network interfaces one network card of an instance type can carry.
 *
 * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/AvailableIpPerENI.html
 */
export interface NetworkCardLimits {
  /** The network card index (`NetworkCardIndex` of an attachment). */
  readonly index: number;

  /** Maximum network interfaces attached to this card. */
  readonly maxNetworkInterfaces: number;
}

/**
 * The network limits of one EC2 instance type, as EC2 `DescribeInstanceTypes` reports them.
 *
 * Copied from `data/ec2-instance-network-limits.json` (see its `source` block and the README).
 *
 * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/AvailableIpPerENI.html
 */
export interface InstanceTypeNetworkLimits {
  /** The instance type name, exactly as AWS writes it (for example `t3.micro`). */
  readonly instanceType: string;

  /**
   * Maximum network interfaces for the whole instance, primary included: the sum of the
   * per-card maxima in `networkCards`.
   */
  readonly maxNetworkInterfaces: number;

  /** Maximum private IPv4 addresses per network interface, primary address included. */
  readonly ipv4AddressesPerInterface: number;

  /**
   * Maximum IPv6 addresses per network interface; 0 on types without IPv6.
   *
   * @default - undefined when the source has no IPv6 data for this type (a few bare-metal and
   * high-memory types that the public API does not list); treat the IPv6 limit as unknown
   */
  readonly ipv6AddressesPerInterface?: number;

  /**
   * Whether the instance type supports IPv6.
   *
   * @default - undefined when the source has no IPv6 data for this type; treat IPv6 support as unknown
   */
  readonly ipv6Supported?: boolean;

  /**
   * The network cards, by ascending index. Interfaces attached to a card count against that
   * card's maximum as well as the instance total.
   */
  readonly networkCards: NetworkCardLimits[];

  /** Index of the network card that carries the primary interface (device index 0). */
  readonly defaultNetworkCardIndex: number;

  /**
   * The hypervisor: `nitro` or `xen`.
   *
   * @default - undefined when AWS reports none (bare-metal types and a few others)
   */
  readonly hypervisor?: string;

  /** Whether this is a bare-metal instance type. */
  readonly bareMetal: boolean;
}

/**
 * The largest value of each per-type limit over every instance type of the table: what no instance
 * exceeds, whatever its type. Counts are bounded by these when the instance type is unknown.
 *
 * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/AvailableIpPerENI.html
 */
export interface InstanceNetworkLimitMaxima {
  /** The most network interfaces an instance type takes, primary included. */
  readonly maxNetworkInterfaces: number;

  /** The most private IPv4 addresses per network interface, primary address included. */
  readonly ipv4AddressesPerInterface: number;

  /** The most IPv6 addresses per network interface. */
  readonly ipv6AddressesPerInterface: number;

  /** The most network cards an instance type has (cards are numbered from 0). */
  readonly networkCards: number;
}

function decode(row: InstanceNetworkLimitsRow): InstanceTypeNetworkLimits {
  const [instanceType, maxTotal, ipv4, ipv6, ipv6Supported, cardMaxima, defaultNetworkCardIndex, hypervisor, bareMetal] = row;
  const networkCards = cardMaxima.map((maxNetworkInterfaces, index) => Object.freeze({ index, maxNetworkInterfaces }));
  return Object.freeze({
    instanceType,
    maxNetworkInterfaces: maxTotal,
    ipv4AddressesPerInterface: ipv4,
    ipv6AddressesPerInterface: ipv6 ?? undefined,
    ipv6Supported: ipv6Supported ?? undefined,
    networkCards: Object.freeze(networkCards) as NetworkCardLimits[],
    defaultNetworkCardIndex,
    hypervisor: hypervisor ?? undefined,
    bareMetal,
  });
}

// Decoded once, on first use, so importing the library costs nothing and every later lookup is a
// map read. The objects are deeply frozen, which is what makes sharing them between callers safe.
let byType: ReadonlyMap<string, InstanceTypeNetworkLimits> | undefined;

function table(): ReadonlyMap<string, InstanceTypeNetworkLimits> {
  byType ??= new Map(INSTANCE_NETWORK_LIMITS_ROWS.map((row) => [row[0], decode(row)]));
  return byType;
}

let maxima: InstanceNetworkLimitMaxima | undefined;

function computeMaxima(): InstanceNetworkLimitMaxima {
  const largest = (limit: (limits: InstanceTypeNetworkLimits) => number | undefined) =>
    Math.max(...[...table().values()].map((limits) => limit(limits) ?? 0));
  return Object.freeze({
    maxNetworkInterfaces: largest((limits) => limits.maxNetworkInterfaces),
    ipv4AddressesPerInterface: largest((limits) => limits.ipv4AddressesPerInterface),
    ipv6AddressesPerInterface: largest((limits) => limits.ipv6AddressesPerInterface),
    networkCards: largest((limits) => limits.networkCards.length),
  });
}

/**
 * Per-instance-type network limits of Amazon EC2: network interfaces per instance and per
 * network card, private IPv4 and IPv6 addresses per interface.
 *
 * The numbers come from the AWS-generated table committed in `data/ec2-instance-network-limits.json`
 * (source repository, path and commit in its `source` block). Returned objects are frozen.
 *
 * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/AvailableIpPerENI.html
 */
export class InstanceNetworkLimits {
  /**
   * The limits of an instance type.
   *
   * @param instanceType the instance type name, case-sensitive, exactly as AWS writes it (`m5.large`)
   * @returns the limits, or undefined when the type is unknown to the table or is a token
   * (its value is only known at deploy time)
   */
  public static of(instanceType: string): InstanceTypeNetworkLimits | undefined {
    // No token test needed: a string token (`${TfToken[...]}`) is never a table key.
    return table().get(instanceType);
  }

  /** Every instance type in the table, sorted by name (code-unit order). */
  public static knownTypes(): string[] {
    return [...table().keys()];
  }

  /**
   * The largest value of each limit over every instance type of the table, the bound of what an
   * instance of unknown type may take. Computed once, from the table.
   */
  public static maxima(): InstanceNetworkLimitMaxima {
    maxima ??= computeMaxima();
    return maxima;
  }

  /**
   * Maximum network interfaces on one network card of an instance type.
   *
   * @param instanceType the instance type name, exactly as AWS writes it
   * @param networkCardIndex the network card index
   * @returns the maximum, or undefined when the type is unknown, the card does not exist on it,
   * or either argument is a token
   */
  public static maxInterfacesOnCard(instanceType: string, networkCardIndex: number): number | undefined {
    // A number token is a huge negative double, never a card index, so it finds nothing.
    return InstanceNetworkLimits.of(instanceType)?.networkCards.find((card) => card.index === networkCardIndex)?.maxNetworkInterfaces;
  }

  private constructor() {}
}
