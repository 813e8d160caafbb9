import { SecurityGroup as SecurityGroupResource } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Construct } from 'constructs';
import { Peer } from './peer';
import { Port } from './port';
import { ErrorCode } from '../../core/error-codes';
import { NetworkConstraintError } from '../../core/errors';
import { markSuppressed } from '../../core/suppression-marks';
import { isUnresolved } from '../../core/tokens';
import { checkCidr } from '../address-checks';
import { ADMIN_PORTS, AwsRuleId } from '../constraints';
import { DocUrl } from '../doc-url';

/** Options of one security group rule. */
export interface SecurityGroupRuleOptions {
  /**
   * Description of the rule.
   * @default - no description
   */
  readonly description?: string;

  /**
   * Allow SSH (22) or RDP (3389) from `0.0.0.0/0` or `::/0`. Without it such a rule is refused:
   * administration ports belong on a management network or behind a bastion.
   * @default false
   */
  readonly allowAdministrationFromInternet?: boolean;

  /**
   * Construct id of the rule resource.
   * @default - derived from the direction, port and peer, so reordering rules replaces nothing
   */
  readonly id?: string;
}

/** Props of a `SecurityGroup`. */
export interface SecurityGroupProps {
  /** VPC of the group; interfaces of other VPCs cannot use it. */
  readonly vpcId: string;

  /**
   * Description of the group (cannot be changed without replacing the group).
   * @default 'Managed by cdktf-nic-patterns'
   */
  readonly description?: string;

  /**
   * Name of the group.
   * @default - a unique name chosen by Terraform
   */
  readonly securityGroupName?: string;

  /**
   * Add an egress rule that allows all IPv4 traffic out. Terraform removes the allow-all egress
   * rule AWS puts in new groups, so without this the group allows no outbound traffic.
   * @default true
   */
  readonly allowAllOutbound?: boolean;

  /**
   * Add an egress rule that allows all IPv6 traffic out.
   * @default false
   */
  readonly allowAllIpv6Outbound?: boolean;

  /**
   * Tags of the group.
   * @default - no tags
   */
  readonly tags?: { [key: string]: string };
}

/**
 * A security group (`aws_security_group`) whose rules are separate
 * `aws_vpc_security_group_ingress_rule` / `aws_vpc_security_group_egress_rule` resources, one per
 * peer and port, so a rule can be added or removed without rewriting the others.
 *
 * @see https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html
 */
export class SecurityGroup extends Construct {
  /** The group id (`sg-...`). */
  public readonly securityGroupId: string;
  /** The VPC of the group. */
  public readonly vpcId: string;
  /** The underlying `aws_security_group` resource. */
  public readonly resource: SecurityGroupResource;
  private tokenPeers = 0;

  constructor(scope: Construct, id: string, props: SecurityGroupProps) {
    super(scope, id);
    this.vpcId = props.vpcId;
    this.resource = new SecurityGroupResource(this, 'Resource', {
      vpcId: props.vpcId,
      name: props.securityGroupName,
      description: props.description ?? 'Managed by cdktf-nic-patterns',
      tags: props.tags,
    });
    this.securityGroupId = this.resource.id;
    if (props.allowAllOutbound ?? true) this.addEgressRule(Peer.anyIpv4(), Port.allTraffic(), { description: 'All IPv4 traffic out' });
    if (props.allowAllIpv6Outbound ?? false) this.addEgressRule(Peer.anyIpv6(), Port.allTraffic(), { description: 'All IPv6 traffic out' });
  }

  /** Allows traffic from `peer` to `port`. */
  public addIngressRule(peer: Peer, port: Port, options: SecurityGroupRuleOptions = {}): VpcSecurityGroupIngressRule {
    this.checkRule(peer, port, options);
    if (peer.isInternet && !options.allowAdministrationFromInternet) {
      const exposed = ADMIN_PORTS.find((admin) => port.coversTcpPort(admin.port));
      if (exposed) {
        throw new NetworkConstraintError({
          code: ErrorCode.AdminPortOpenToInternet,
          scope: this,
          problem: `${exposed.name} (TCP ${exposed.port}) would be open to the whole internet`,
          received: `${port} from ${peer.value}`,
          allowed: 'administration ports from specific CIDR ranges, a prefix list or a security group',
          fix: 'Allow it from your admin range or a management subnet, or pass allowAdministrationFromInternet: true if you really mean it',
          docUrl: DocUrl.securityGroupRules,
        });
      }
    }
    const rule = new VpcSecurityGroupIngressRule(this, options.id ?? this.ruleId('Ingress', peer, port), this.ruleConfig(peer, port, options));
    if (peer.isInternet && options.allowAdministrationFromInternet && ADMIN_PORTS.some((admin) => port.coversTcpPort(admin.port))) {
      // The user opted in explicitly on this rule; the synth-time check records the reason instead of failing.
      markSuppressed(rule, {
        id: AwsRuleId.adminPortOpenToInternet,
        reason: 'allowAdministrationFromInternet: true was set on this rule by its author',
      });
    }
    return rule;
  }

  /** Allows traffic to `peer` on `port`. */
  public addEgressRule(peer: Peer, port: Port, options: SecurityGroupRuleOptions = {}): VpcSecurityGroupEgressRule {
    this.checkRule(peer, port, options);
    return new VpcSecurityGroupEgressRule(this, options.id ?? this.ruleId('Egress', peer, port), this.ruleConfig(peer, port, options));
  }

  private ruleConfig(peer: Peer, port: Port, options: SecurityGroupRuleOptions) {
    return {
      securityGroupId: this.securityGroupId,
      ipProtocol: port.protocol,
      fromPort: port.fromPort,
      toPort: port.toPort,
      description: options.description,
      [peer._attribute]: peer.value,
    };
  }

  private checkRule(peer: Peer, port: Port, options: SecurityGroupRuleOptions): void {
    if (peer._attribute === 'cidrIpv4' || peer._attribute === 'cidrIpv6') {
      checkCidr(this, `the rule's peer ${peer}`, peer.value, peer._attribute === 'cidrIpv6');
    }
    const portRange = port.protocol === 'icmp' ? [-1, 255] : [0, 65535];
    const [from, to] = [port.fromPort, port.toPort];
    if (from === undefined || to === undefined || isUnresolved(from) || isUnresolved(to)) return;
    const valid = Number.isInteger(from) && Number.isInteger(to) && from <= to
      && from >= portRange[0] && to <= portRange[1];
    if (!valid) {
      throw new NetworkConstraintError({
        code: ErrorCode.InvalidPort,
        scope: this,
        problem: `the rule${options.id ? ` ${options.id}` : ''} has an invalid port range`,
        received: `${port.protocol} ${from}-${to}`,
        allowed: `whole numbers from ${portRange[0]} to ${portRange[1]} with fromPort <= toPort`,
        docUrl: DocUrl.securityGroupRules,
      });
    }
  }

  /**
   * A construct id derived from the rule's content, so ids stay the same when rules are added or
   * reordered. A peer known only as a token has no stable content: it gets a sequence number,
   * which `options.id` replaces when the order may change.
   */
  private ruleId(direction: string, peer: Peer, port: Port): string {
    const peerKey = peer._stableKey ?? `peer${++this.tokenPeers}`;
    const id = `${direction}-${port}-${peerKey}`.replace(/[^A-Za-z0-9.:_-]+/g, '_');
    if (this.node.tryFindChild(id)) {
      throw new NetworkConstraintError({
        code: ErrorCode.DuplicateRule,
        scope: this,
        problem: 'the same rule is added twice',
        received: `${direction.toLowerCase()} ${port} ${peer}`,
        allowed: 'each direction, port and peer once',
      });
    }
    return id;
  }
}
