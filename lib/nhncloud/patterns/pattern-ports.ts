import { Construct } from 'constructs';
import { ErrorCode } from '../../core/error-codes';
import { NetworkConstraintError } from '../../core/errors';
import { checkDistinctSubnetIds } from '../../core/interface-subnets';
import { literal } from '../../core/tokens';
import { NhnDocUrl } from '../doc-url';
import type { PortIngressRule } from './dual-homed-instance';
import { SecurityGroup } from '../security/security-group';
import { VpcSubnetReference } from '../vpc-subnet-reference';

// Internal: what the NHN Cloud patterns with several ports on one instance share.

/** A subnet and the role its port plays in a pattern, named in errors. */
export interface RoleSubnet {
  readonly role: string;
  readonly subnet: VpcSubnetReference;
}

/** The default name of what a pattern creates: its construct path, with `-` for `/`. */
export function defaultName(scope: Construct): string {
  return scope.node.path.replace(/\//g, '-');
}

/**
 * Throws when two ports are in the same subnet, or when the literal VPCs of the subnets differ: the
 * patterns keep an instance's ports in one VPC, in distinct subnets (two routes to one subnet
 * invite asymmetric routing). Ids known only at deploy time are compared by the expression they
 * stand for; a token VPC id is not compared.
 * @throws NetworkConstraintError `InterfacesInSameSubnet`, `VpcMismatch`
 */
export function checkPortSubnets(scope: Construct, subnets: RoleSubnet[], fix: string): void {
  checkDistinctSubnetIds(scope, subnets.map(({ role, subnet }) => ({ role, subnetId: subnet.subnetId })),
    { interfaceNoun: 'port', subnetNoun: 'subnet' }, fix, NhnDocUrl.networkInterface);
  const known = subnets.filter(({ subnet }) => literal(subnet.vpcId) !== undefined);
  const foreign = known.find(({ subnet }) => subnet.vpcId !== known[0].subnet.vpcId);
  if (!foreign) return;
  throw new NetworkConstraintError({
    code: ErrorCode.VpcMismatch,
    scope,
    problem: `the ${known[0].role} and ${foreign.role} subnets are in different VPCs, and the pattern keeps an instance's ports in one VPC`,
    received: `${known[0].role} in ${known[0].subnet.vpcId}, ${foreign.role} in ${foreign.subnet.vpcId}`,
    allowed: `subnets of ${known[0].subnet.vpcId}`,
    fix: 'Pick subnets of one VPC for every port',
    docUrl: NhnDocUrl.networkInterface,
  });
}

/** Creates a security group with `rules`; the group's own checks refuse SSH or RDP from the internet. */
export function createGroup(
  scope: Construct, id: string, name: string, description: string, rules: PortIngressRule[], tags?: string[],
): SecurityGroup {
  const group = new SecurityGroup(scope, id, { securityGroupName: name, description, tags });
  rules.forEach((rule) => group.addIngressRule(rule.peer, rule.traffic, { description: rule.description }));
  return group;
}

