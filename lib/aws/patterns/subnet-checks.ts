import { Construct } from 'constructs';
import { ErrorCode } from '../../core/error-codes';
import { NetworkConstraintError } from '../../core/errors';
import { checkDistinctSubnetIds } from '../../core/interface-subnets';
import { DocUrl } from '../doc-url';
import { SubnetReference } from '../subnet-reference';

// Internal: subnet checks shared by the patterns that put several interfaces on one instance
// (not re-exported from lib/index.ts).

/** A subnet and the role it plays in a pattern, named in errors. */
export interface RoleSubnet {
  readonly role: string;
  readonly subnet: SubnetReference;
}

/**
 * Throws when two interfaces of one instance are in the same subnet: the instance then has two
 * routes to that subnet and replies may leave by the other interface (asymmetric routing). Two
 * references to one subnet count as the same even when their token strings differ.
 * @param fix how to get the same result without a second interface in the subnet
 * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/best-practices-for-configuring-network-interfaces.html
 */
export function checkDistinctSubnets(scope: Construct, subnets: RoleSubnet[], fix: string): void {
  checkDistinctSubnetIds(scope, subnets.map(({ role, subnet }) => ({ role, subnetId: subnet.subnetId })),
    { interfaceNoun: 'interface', subnetNoun: 'subnet' }, fix, DocUrl.eniBestPractices);
}

/**
 * Throws when the known Availability Zones of the subnets differ: every interface of an instance
 * lives in the instance's zone. Subnets whose zone is unknown (a token) are skipped.
 * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/best-practices-for-configuring-network-interfaces.html
 */
export function checkOneZone(scope: Construct, subnets: RoleSubnet[]): void {
  const zoned = subnets.filter((entry) => entry.subnet.availabilityZone !== undefined);
  const first = zoned[0];
  const other = zoned.find((entry) => entry.subnet.availabilityZone !== first?.subnet.availabilityZone);
  if (!first || !other) return;
  throw new NetworkConstraintError({
    code: ErrorCode.SubnetZoneMismatch,
    scope,
    problem: `the ${first.role} and ${other.role} interfaces of one instance are in different Availability Zones`,
    received: `${first.role} in ${first.subnet.availabilityZone}, ${other.role} in ${other.subnet.availabilityZone}`,
    allowed: `subnets of ${first.subnet.availabilityZone} only`,
    fix: 'Pick subnets of the instance\'s Availability Zone for every interface',
    docUrl: DocUrl.eniBestPractices,
  });
}
