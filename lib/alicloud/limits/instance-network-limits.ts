import { ALI_INSTANCE_NETWORK_LIMITS_ROWS, ALI_LIMITS_SOURCE_TEXT, AliInstanceNetworkLimitsRow } from './instance-network-limits.generated';

/**
 * The network limits of one Alibaba Cloud ECS instance type, as `DescribeInstanceTypes` names them.
 *
 * Copied from `data/alicloud-ecs-instance-network-limits.json` (see its `source` block and the README).
 *
 * @see https://www.alibabacloud.com/help/en/ecs/user-guide/overview-of-instance-families
 * @see https://www.alibabacloud.com/help/en/ecs/developer-reference/api-ecs-2014-05-26-describeinstancetypes
 */
export interface AliInstanceNetworkLimits {
  /** ENIs an instance of the type takes, its primary ENI included (API EniQuantity). */
  readonly eniQuantity: number;

  /**
   * Private IPv4 addresses per ENI, the primary one included (API EniPrivateIpAddressQuantity); undefined when the table lacks it.
   *
   * @default - undefined: the documentation table gave no per-ENI count for this type
   */
  readonly privateIpv4PerEni?: number;

  /**
   * IPv6 addresses per ENI, when known.
   *
   * @default - undefined: the 2021 documentation has no per-ENI IPv6 counts, only a few API responses do
   */
  readonly ipv6PerEni?: number;
}

function decode([, eniQuantity, privateIpv4PerEni, ipv6PerEni]: AliInstanceNetworkLimitsRow): AliInstanceNetworkLimits {
  return Object.freeze({
    eniQuantity,
    privateIpv4PerEni: privateIpv4PerEni ?? undefined,
    ipv6PerEni: ipv6PerEni ?? undefined,
  });
}

// Decoded once, on first use, so importing the library costs nothing and every later lookup is a
// map read. The objects are frozen, which is what makes sharing them between callers safe.
let byType: ReadonlyMap<string, AliInstanceNetworkLimits> | undefined;

/**
 * The limits of an ECS instance type (`ecs.g6.large`), or undefined when the table does not know it.
 *
 * Names are exact (case-sensitive). A token is never a key, so it finds nothing.
 */
export function aliInstanceNetworkLimits(instanceType: string): AliInstanceNetworkLimits | undefined {
  byType ??= new Map(ALI_INSTANCE_NETWORK_LIMITS_ROWS.map((row) => [row[0], decode(row)]));
  return byType.get(instanceType);
}

/** Where the table comes from (the JSON's `source` block), for messages and docs. */
export const ALI_LIMITS_SOURCE: string = ALI_LIMITS_SOURCE_TEXT;
