import { formatIp, lastAddress, parseCidr } from '../../../core/cidr';
import { iproute2UserData } from '../../../os/iproute2-script';
import { ResolvedInterfaceRouting } from '../../../os/resolved-interface-routing';
import { writeFileLines } from '../../../os/write-file';

// Internal: how the guest routes the traffic of a pattern's secondary ENI (MultiEipInstance, and a
// HaVipPair member attached by ENI), so that replies leave by the ENI the request came in on.

/** Route table and rule priority of the ENI (those of a first secondary ENI in lib/os's numbering: 100 + 1, 1000 + 1). */
const ENI_ROUTE_TABLE = 101;
const ENI_RULE_PRIORITY = 1001;
/** Where the HaVip's source rule is installed: cloud-init runs the scripts of this folder at every boot. */
const HAVIP_RULE_PATH = '/var/lib/cloud/scripts/per-boot/havip-source-rule.sh';

/** What the ENI routing of one member needs. */
export interface HaVipEniRouting {
  /** The ENI's MAC address (a token is fine), how the guest finds it. */
  readonly macAddress: string;
  /** The member's fixed private IP, the ENI's primary one. */
  readonly privateIp: string;
  /** The HaVip's address (a token when Alibaba Cloud picks it). */
  readonly virtualIp: string;
  /** The vSwitch's CIDR block, a literal. */
  readonly vswitchCidr: string;
}

/**
 * Shell lines for the member's user data: a per-boot iproute2 script that waits for the ENI (found
 * by MAC address), gives it the member's IP and its own route table through the vSwitch's gateway,
 * and a per-boot rule that routes what leaves from the HaVip through that table too. Replies to
 * clients then leave by the ENI they came in on, and reverse-path filtering accepts their requests.
 * The HaVip itself is not added here: keepalived adds it on the MASTER only.
 */
export function haVipEniRoutingLines(routing: HaVipEniRouting): string[] {
  const rule = `from ${routing.virtualIp}/32 table ${ENI_ROUTE_TABLE} priority ${ENI_RULE_PRIORITY}`;
  const sourceRule = [
    '#!/bin/sh',
    '# What leaves from the HaVip goes out by the HaVip\'s ENI (route table of the ENI), on whichever member holds it.',
    `while ip rule del ${rule} 2>/dev/null; do :; done`,
    `ip rule add ${rule}`,
    '',
  ].join('\n');
  return [
    iproute2UserData([vswitchEniRouting(routing.macAddress, [routing.privateIp], routing.vswitchCidr)]),
    ...writeFileLines(HAVIP_RULE_PATH, sourceRule, '0755'),
    HAVIP_RULE_PATH,
  ];
}

/**
 * The policy routing of a secondary ENI in its vSwitch: found by MAC address, its private IPs
 * (primary first), route table 101 with the vSwitch and a default route through the vSwitch's gateway.
 * @param vswitchCidr the vSwitch's CIDR block, a literal IPv4 block
 */
export function vswitchEniRouting(macAddress: string, addresses: string[], vswitchCidr: string): ResolvedInterfaceRouting {
  const block = parseCidr(vswitchCidr)!;
  return {
    deviceIndex: 1,
    macAddress,
    addresses,
    primaryAddress: addresses[0],
    subnetCidr: vswitchCidr,
    prefixLength: String(block.prefix),
    // The vSwitch's gateway is its third address from the end (10.0.0.253 in 10.0.0.0/24).
    gateway: formatIp({ family: 4, value: lastAddress(block) - 2n }),
    table: ENI_ROUTE_TABLE,
    priority: ENI_RULE_PRIORITY,
  };
}
