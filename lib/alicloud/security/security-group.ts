import { TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { Peer } from './peer';
import { Port } from './port';
import { ADMIN_PORTS } from '../../core/admin-ports';
import { formatCidr, parseCidr } from '../../core/cidr';
import { ErrorCode } from '../../core/error-codes';
import { NetworkConstraintError } from '../../core/errors';
import { checkInstanceOf, checkProps } from '../../core/prop-checks';
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
/** Construct ids a rule cannot take (`node.defaultChild` looks for both). */
const RESERVED_IDS = ['Resource', 'Default'];

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
  private tokenPeers = 0;
  /** What each rule allows (direction, port, canonical peer), to refuse the same rule twice. */
  private readonly ruleContents = new Set<string>();

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
    const exposed = peer.isInternet ? ADMIN_PORTS.find((admin) => port.coversTcpPort(admin.port)) : undefined;
    if (exposed && !options.allowAdministrationFromInternet) {
      throw new NetworkConstraintError({
        code: ErrorCode.AdminPortOpenToInternet,
        scope: this,
        problem: `${exposed.name} (TCP ${exposed.port}) would be open to the whole internet`,
        received: `${port} from ${peer.value}`,
        allowed: 'administration ports from specific CIDR ranges, a prefix list or a security group',
        fix: 'Allow it from your admin range or a management vSwitch, or pass allowAdministrationFromInternet: true if you really mean it',
        docUrl: AliDocUrl.securityGroupRules,
      });
    }
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

  private addRule(type: string, peer: Peer, port: Port, options: SecurityGroupRuleOptions, content: string | undefined): TerraformResource {
    const id = this.claimRuleId(type, peer, port, options, content);
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
  private checkRule(type: string, peer: Peer, port: Port, options: SecurityGroupRuleOptions): string | undefined {
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
    this.checkPorts(port);
    this.checkPriority(options.priority);
    const key = block ? formatCidr(block) : peer.stableKey;
    if (key === undefined) return undefined;
    const content = `${type} ${port} ${peer._attribute} ${key}`;
    if (this.ruleContents.has(content)) {
      throw new NetworkConstraintError({
        code: ErrorCode.DuplicateRule,
        scope: this,
        problem: 'the same rule is added twice',
        received: `${type} ${port} ${peer}`,
        allowed: 'each direction, port and peer once',
        docUrl: AliDocUrl.securityGroupRules,
      });
    }
    return content;
  }

  private checkPorts(port: Port): void {
    if (port.protocol !== 'tcp' && port.protocol !== 'udp') return;
    const inRange = (value: number) => isUnresolved(value) || (Number.isInteger(value) && value >= 1 && value <= 65535);
    const [from, to] = [port.fromPort, port.toPort];
    if (inRange(from) && inRange(to) && (isUnresolved(from) || isUnresolved(to) || from <= to)) return;
    throw new NetworkConstraintError({
      code: ErrorCode.InvalidPort,
      scope: this,
      problem: 'the rule has an invalid port range',
      received: `${port.protocol} ${from}-${to}`,
      allowed: 'whole numbers from 1 to 65535 with fromPort <= toPort',
      docUrl: AliDocUrl.securityGroupRuleResource,
    });
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

  /**
   * The rule's construct id: `options.id`, or one derived from its content so that ids stay the same
   * when rules are added or reordered (a token peer gets a sequence number). Once the id is free,
   * the rule's content counts as added.
   */
  private claimRuleId(type: string, peer: Peer, port: Port, options: SecurityGroupRuleOptions, content: string | undefined): string {
    const direction = type === 'ingress' ? 'Ingress' : 'Egress';
    const id = options.id ?? `${direction}-${port}-${peer.stableKey ?? `peer${++this.tokenPeers}`}`.replace(/[^A-Za-z0-9.:_-]+/g, '_');
    const taken = this.node.tryFindChild(id);
    if (id === '' || taken || RESERVED_IDS.includes(id)) {
      throw new NetworkConstraintError({
        code: ErrorCode.ConstructIdInUse,
        scope: this,
        problem: taken ? `the rule's construct id names ${taken.node.path} already` : 'the rule\'s construct id is empty or reserved',
        received: `id ${JSON.stringify(id)}`,
        allowed: `a non-empty id that no child of ${this.node.path} has, other than ${RESERVED_IDS.map((r) => JSON.stringify(r)).join(' and ')}`,
        fix: 'Give the rule another id, or leave id out to derive one from the rule',
      });
    }
    if (content !== undefined) this.ruleContents.add(content);
    return id;
  }
}
