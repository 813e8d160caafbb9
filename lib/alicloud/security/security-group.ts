import { TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { Peer } from './peer';
import { Port } from './port';
import { parseCidr } from '../../core/cidr';
import { ErrorCode } from '../../core/error-codes';
import { NetworkConstraintError } from '../../core/errors';
import { checkInstanceOf, checkProps } from '../../core/prop-checks';
import { checkAdminExposure, checkTransportPorts, ledgerRule, RuleLedger } from '../../core/security-rules';
import { markSuppressed } from '../../core/suppression-marks';
import { isUnresolved } from '../../core/tokens';
import { SecurityGroup as SecurityGroupResource } from '../bindings/security-group';
import { SecurityGroupRule } from '../bindings/security-group-rule';
import { AliDocUrl } from '../doc-url';
import { SECURITY_GROUP_PROPS, SECURITY_GROUP_RULE_OPTIONS } from '../prop-specs';

/** The rule id of the synth-time check that an explicit opt-in on a rule answers. */
const ADMIN_PORT_RULE_ID = 'ALI070';
/** `priority` takes 1 (first) to 100. */
const PRIORITY_RANGE = [1, 100];

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
   * Priority of the rule, 1 (first) to 100.
   * @default 1
   * @see https://www.alibabacloud.com/help/en/ecs/user-guide/security-group-rules
   */
  readonly priority?: number;

  /**
   * Construct id of the rule resource; not the id of another child of the group, nor `Resource`
   * or `Default`.
   * @default - derived from the direction, port and peer, so reordering rules replaces nothing
   */
  readonly id?: string;
}

/** Props of a `SecurityGroup`. */
export interface SecurityGroupProps {
  /** VPC of the group; ENIs of other VPCs cannot join it. */
  readonly vpcId: string;

  /**
   * Name of the group.
   * @default - no name
   */
  readonly securityGroupName?: string;

  /**
   * Description of the group.
   * @default 'Managed by cdktf-nic-patterns'
   */
  readonly description?: string;

  /**
   * Tags of the group.
   * @default - no tags
   */
  readonly tags?: { [key: string]: string };
}

/**
 * A VPC security group (`alicloud_security_group`) whose rules are separate
 * `alicloud_security_group_rule` resources, one per direction, port and peer, all with
 * `nic_type = intranet` (the only type of a VPC group). A new group accepts no inbound traffic and
 * lets all outbound traffic out until an egress rule narrows it.
 *
 * @see https://www.alibabacloud.com/help/en/ecs/user-guide/security-group-rules
 */
export class SecurityGroup extends Construct {
  /** The group id (`sg-...`). */
  public readonly securityGroupId: string;
  /** The VPC of the group. */
  public readonly vpcId: string;
  /** The underlying `alicloud_security_group` resource. */
  public readonly resource: TerraformResource;
  private readonly rules = new RuleLedger(this, AliDocUrl.securityGroupRules);

  constructor(scope: Construct, id: string, props: SecurityGroupProps) {
    super(scope, id);
    checkProps(this, props, SECURITY_GROUP_PROPS);
    this.vpcId = props.vpcId;
    const group = new SecurityGroupResource(this, 'Resource', {
      vpcId: props.vpcId,
      securityGroupName: props.securityGroupName,
      description: props.description ?? 'Managed by cdktf-nic-patterns',
      tags: props.tags,
    });
    this.resource = group;
    this.securityGroupId = group.id;
  }

  /**
   * Accepts traffic from `peer` to `port`.
   * @returns the rule resource
   * @throws NetworkConstraintError `AdminPortOpenToInternet`, `InvalidCidr`, `InvalidPort`,
   * `InvalidCount` (priority), `DuplicateRule`, `ConstructIdInUse`
   */
  public addIngressRule(peer: Peer, port: Port, options: SecurityGroupRuleOptions = {}): TerraformResource {
    const content = this.checkRule('ingress', peer, port, options);
    const exposed = checkAdminExposure(this, {
      fromInternet: peer.isInternet,
      traffic: port,
      peer: peer.value,
      optedIn: options.allowAdministrationFromInternet,
      fix: 'Allow it from your admin range or a management vSwitch, or pass allowAdministrationFromInternet: true if you really mean it',
      docUrl: AliDocUrl.securityGroupRules,
    });
    const rule = this.addRule('ingress', peer, port, options, content);
    if (exposed) {
      // The author opted in on this very rule: ALI070 records the reason instead of failing.
      markSuppressed(rule, { id: ADMIN_PORT_RULE_ID, reason: 'allowAdministrationFromInternet: true was set on this rule by its author' });
    }
    return rule;
  }

  /**
   * Allows traffic to `peer` on `port`.
   * @returns the rule resource
   * @throws NetworkConstraintError `InvalidCidr`, `InvalidPort`, `InvalidCount` (priority),
   * `DuplicateRule`, `ConstructIdInUse`
   */
  public addEgressRule(peer: Peer, port: Port, options: SecurityGroupRuleOptions = {}): TerraformResource {
    return this.addRule('egress', peer, port, options, this.checkRule('egress', peer, port, options));
  }

  private addRule(type: 'ingress' | 'egress', peer: Peer, port: Port, options: SecurityGroupRuleOptions, content: string | undefined): TerraformResource {
    const id = this.rules.claimId(ledgerRule(type, peer, port, options.id), content);
    return new SecurityGroupRule(this, id, {
      securityGroupId: this.securityGroupId,
      type,
      ipProtocol: port.protocol,
      portRange: port.portRange,
      nicType: 'intranet',
      policy: 'accept',
      priority: options.priority ?? 1,
      description: options.description,
      [peer._attribute]: peer.value,
    });
  }

  /** Checks a rule before anything is created; returns what it allows (`undefined` for a token peer). */
  private checkRule(type: 'ingress' | 'egress', peer: Peer, port: Port, options: SecurityGroupRuleOptions): string | undefined {
    checkInstanceOf(this, peer, Peer, 'peer');
    checkInstanceOf(this, port, Port, 'port');
    checkProps(this, options, SECURITY_GROUP_RULE_OPTIONS, 'options');
    const block = peer.isCidr && !isUnresolved(peer.value) ? parseCidr(peer.value) : undefined;
    if (peer.isCidr && !isUnresolved(peer.value) && block?.family !== (peer._attribute === 'ipv6CidrIp' ? 6 : 4)) {
      throw new NetworkConstraintError({
        code: ErrorCode.InvalidCidr,
        scope: this,
        problem: `the rule's peer is not an ${peer._attribute === 'ipv6CidrIp' ? 'IPv6' : 'IPv4'} CIDR block`,
        received: JSON.stringify(peer.value),
        allowed: peer._attribute === 'ipv6CidrIp' ? 'a block such as 2408:4005:3a1::/56' : 'a block such as 10.0.0.0/16',
        docUrl: AliDocUrl.securityGroupRuleResource,
      });
    }
    if (port.protocol === 'tcp' || port.protocol === 'udp') {
      checkTransportPorts(this, port.protocol, port.fromPort, port.toPort, AliDocUrl.securityGroupRuleResource);
    }
    this.checkPriority(options.priority);
    return this.rules.checkNotAddedYet(ledgerRule(type, peer, port, options.id));
  }

  private checkPriority(priority: number | undefined): void {
    if (priority === undefined || isUnresolved(priority)) return;
    if (Number.isInteger(priority) && priority >= PRIORITY_RANGE[0] && priority <= PRIORITY_RANGE[1]) return;
    throw new NetworkConstraintError({
      code: ErrorCode.InvalidCount,
      scope: this,
      problem: 'the rule\'s priority is out of range',
      received: String(priority),
      allowed: `a whole number from ${PRIORITY_RANGE[0]} to ${PRIORITY_RANGE[1]}`,
      docUrl: AliDocUrl.securityGroupRuleResource,
    });
  }
}

