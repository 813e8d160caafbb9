import { SecurityGroup as SecurityGroupResource } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Construct } from 'constructs';
import { Peer } from './peer';
import { Port } from './port';
import { formatCidr, parseCidr } from '../../core/cidr';
import { ErrorCode } from '../../core/error-codes';
import { NetworkConstraintError } from '../../core/errors';
import { checkInstanceOf, checkProps, checkText as checkTemplateFree } from '../../core/prop-checks';
import { markSuppressed } from '../../core/suppression-marks';
import { isUnresolved } from '../../core/tokens';
import { checkCidr } from '../address-checks';
import { ADMIN_PORTS, AwsRuleId } from '../constraints';
import { DocUrl } from '../doc-url';
import { SECURITY_GROUP_PROPS, SECURITY_GROUP_RULE_OPTIONS } from '../prop-specs';

/** Longest name or description AWS takes for a security group or one of its rules. */
const MAX_TEXT_LENGTH = 255;

/** The characters AWS allows in a text, both as a test for one character and as the error shows them. */
interface TextCharacters {
  readonly test: RegExp;
  readonly shown: string;
}

/** Group names and descriptions (VPC groups), and descriptions of rules with a CIDR peer. */
const GROUP_TEXT: TextCharacters = { test: /^[A-Za-z0-9 ._\-:/()#,@[\]+=&;{}!$*]$/, shown: 'a-z, A-Z, 0-9, spaces and ._-:/()#,@[]+=&;{}!$*' };
/** Descriptions of rules with a prefix list or a security group as peer: the same set without `&`. */
const REFERENCE_RULE_TEXT: TextCharacters = { test: /^[A-Za-z0-9 ._\-:/()#,@[\]+=;{}!$*]$/, shown: 'a-z, A-Z, 0-9, spaces and ._-:/()#,@[]+=;{}!$*' };

/** The description constraint of a rule, by the attribute that holds its peer. */
const RULE_DESCRIPTION: Record<Peer['_attribute'], { readonly characters: TextCharacters; readonly docUrl: string }> = {
  cidrIpv4: { characters: GROUP_TEXT, docUrl: DocUrl.ipRange },
  cidrIpv6: { characters: GROUP_TEXT, docUrl: DocUrl.ipv6Range },
  prefixListId: { characters: REFERENCE_RULE_TEXT, docUrl: DocUrl.prefixListId },
  referencedSecurityGroupId: { characters: REFERENCE_RULE_TEXT, docUrl: DocUrl.userIdGroupPair },
};

/** Protocol numbers AWS takes only with a port range, and the `Port` that gives the range. */
const PROTOCOLS_WITH_PORTS = new Map([[1, 'Port.allIcmp()'], [6, 'Port.tcpRange(0, 65535)'], [17, 'Port.udpRange(0, 65535)']]);

/**
 * Construct ids a rule cannot take: `node.defaultChild` looks for `Resource` (the group) and
 * `Default`, and fails when both exist.
 */
const RESERVED_IDS = ['Resource', 'Default'];

/** Options of one security group rule. */
export interface SecurityGroupRuleOptions {
  /**
   * Description of the rule: up to 255 of a-z, A-Z, 0-9, spaces and `._-:/()#,@[]+=;{}!$*`, and
   * `&` too when the peer is a CIDR block.
   * @see https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_IpRange.html
   * @see https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_UserIdGroupPair.html
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
   * Construct id of the rule resource. It must not be the id of another child of the group
   * (`Resource`, another rule's) nor `Default`.
   * @default - derived from the direction, port and peer, so reordering rules replaces nothing
   */
  readonly id?: string;
}

/** Props of a `SecurityGroup`. */
export interface SecurityGroupProps {
  /** VPC of the group; interfaces of other VPCs cannot use it. */
  readonly vpcId: string;

  /**
   * Description of the group (cannot be changed without replacing the group): 1 to 255 of a-z,
   * A-Z, 0-9, spaces and `._-:/()#,@[]+=&;{}!$*`.
   * @see https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateSecurityGroup.html
   * @default 'Managed by cdktf-nic-patterns'
   */
  readonly description?: string;

  /**
   * Name of the group: 1 to 255 of a-z, A-Z, 0-9, spaces and `._-:/()#,@[]+=&;{}!$*`, not
   * starting with `sg-`.
   * @see https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateSecurityGroup.html
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
  /** What each rule allows (direction, port, canonical peer), as AWS compares rules for duplicates. */
  private readonly ruleContents = new Set<string>();

  constructor(scope: Construct, id: string, props: SecurityGroupProps) {
    super(scope, id);
    checkProps(this, props, SECURITY_GROUP_PROPS);
    this.vpcId = props.vpcId;
    const description = props.description ?? 'Managed by cdktf-nic-patterns';
    this.checkGroupText(props.securityGroupName, description);
    this.resource = new SecurityGroupResource(this, 'Resource', {
      vpcId: props.vpcId,
      name: props.securityGroupName,
      description,
      tags: props.tags,
    });
    this.securityGroupId = this.resource.id;
    if (props.allowAllOutbound ?? true) this.addEgressRule(Peer.anyIpv4(), Port.allTraffic(), { description: 'All IPv4 traffic out' });
    if (props.allowAllIpv6Outbound ?? false) this.addEgressRule(Peer.anyIpv6(), Port.allTraffic(), { description: 'All IPv6 traffic out' });
  }

  /** Allows traffic from `peer` to `port`. */
  public addIngressRule(peer: Peer, port: Port, options: SecurityGroupRuleOptions = {}): VpcSecurityGroupIngressRule {
    const content = this.checkRule('Ingress', peer, port, options);
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
    const rule = new VpcSecurityGroupIngressRule(this, this.claimRuleId('Ingress', peer, port, options, content), this.ruleConfig(peer, port, options));
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
    const content = this.checkRule('Egress', peer, port, options);
    return new VpcSecurityGroupEgressRule(this, this.claimRuleId('Egress', peer, port, options, content), this.ruleConfig(peer, port, options));
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

  /** Checks a rule before anything is created; returns what it allows, for the duplicate check (`undefined` for a token peer). */
  private checkRule(direction: string, peer: Peer, port: Port, options: SecurityGroupRuleOptions): string | undefined {
    checkInstanceOf(this, peer, Peer, 'peer');
    checkInstanceOf(this, port, Port, 'port');
    checkProps(this, options, SECURITY_GROUP_RULE_OPTIONS, 'options');
    if (peer._attribute === 'cidrIpv4' || peer._attribute === 'cidrIpv6') {
      checkCidr(this, `the rule's peer ${peer}`, peer.value, peer._attribute === 'cidrIpv6');
    }
    this.checkProtocol(port);
    this.checkPorts(port, options);
    const rule = RULE_DESCRIPTION[peer._attribute];
    checkText(this, ErrorCode.InvalidSecurityGroupDescription, 'the rule\'s description', options.description, {
      minLength: 0, characters: rule.characters, docUrl: rule.docUrl,
    });
    return this.checkNotAddedYet(direction, peer, port);
  }

  /**
   * Refuses the group's name and description where AWS would: the Terraform provider checks only
   * the length, so anything else would fail half-way through `terraform apply`.
   */
  private checkGroupText(name: string | undefined, description: string): void {
    const limits = { minLength: 1, characters: GROUP_TEXT, docUrl: DocUrl.createSecurityGroup };
    checkText(this, ErrorCode.InvalidSecurityGroupName, 'the security group name', name, limits);
    checkText(this, ErrorCode.InvalidSecurityGroupDescription, 'the security group description', description, limits);
    if (name === undefined || isUnresolved(name) || !name.startsWith('sg-')) return;
    throw new NetworkConstraintError({
      code: ErrorCode.InvalidSecurityGroupName,
      scope: this,
      problem: 'the security group name starts with "sg-", the prefix of security group ids',
      received: JSON.stringify(name),
      allowed: 'a name that does not start with "sg-"',
      docUrl: DocUrl.createSecurityGroup,
    });
  }

  /** A protocol number must be an IANA number or -1, and TCP, UDP and ICMP need their port range. */
  private checkProtocol(port: Port): void {
    const protocol = port.protocol;
    if (isUnresolved(protocol) || ['tcp', 'udp', 'icmp'].includes(protocol)) return;
    const number = /^(?:-1|0|[1-9]\d{0,2})$/.test(protocol) ? Number(protocol) : undefined;
    if (number === undefined || number > 255) {
      throw new NetworkConstraintError({
        code: ErrorCode.InvalidProtocol,
        scope: this,
        problem: 'the rule\'s IP protocol is not a protocol number',
        received: protocol,
        allowed: 'a whole number from 0 to 255, or -1 for every protocol',
        docUrl: DocUrl.ipPermission,
      });
    }
    const named = PROTOCOLS_WITH_PORTS.get(number);
    if (named === undefined) return;
    throw new NetworkConstraintError({
      code: ErrorCode.InvalidProtocol,
      scope: this,
      problem: `IP protocol ${number} is TCP, UDP or ICMP, which AWS takes only with a port range`,
      received: `protocol ${number} with no ports`,
      allowed: 'a protocol other than 1, 6 and 17, or the protocol with its port range',
      fix: `Use ${named}`,
      docUrl: DocUrl.ipPermission,
    });
  }

  private checkPorts(port: Port, options: SecurityGroupRuleOptions): void {
    const portRange = port.protocol === 'icmp' ? [-1, 255] : [0, 65535];
    const [from, to] = [port.fromPort, port.toPort];
    if (from === undefined || to === undefined) return;
    // Each literal end is checked on its own: a token at one end does not vouch for the other.
    const inRange = (value: number) => isUnresolved(value) || (Number.isInteger(value) && value >= portRange[0] && value <= portRange[1]);
    const valid = inRange(from) && inRange(to) && (isUnresolved(from) || isUnresolved(to) || from <= to);
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
   * AWS refuses a rule that allows what another rule of the group allows already, whatever the
   * construct ids, and compares CIDR blocks in canonical form (`2600:1F18::/56` is `2600:1f18::/56`).
   */
  private checkNotAddedYet(direction: string, peer: Peer, port: Port): string | undefined {
    const block = peer._attribute === 'cidrIpv4' || peer._attribute === 'cidrIpv6' ? parseCidr(peer.value) : undefined;
    const key = block ? formatCidr(block) : peer._stableKey;
    if (key === undefined) return undefined;
    const content = `${direction} ${port} ${peer._attribute} ${key}`;
    if (this.ruleContents.has(content)) {
      throw new NetworkConstraintError({
        code: ErrorCode.DuplicateRule,
        scope: this,
        problem: 'the same rule is added twice',
        received: `${direction.toLowerCase()} ${port} ${peer}`,
        allowed: 'each direction, port and peer once',
        docUrl: DocUrl.securityGroupRules,
      });
    }
    return content;
  }

  /**
   * The rule's construct id: `options.id`, or one derived from the rule's content, so ids stay the
   * same when rules are added or reordered. A peer known only as a token has no stable content: it
   * gets a sequence number, which `options.id` replaces when the order may change. Once the id is
   * free, the rule's content counts as added.
   */
  private claimRuleId(direction: string, peer: Peer, port: Port, options: SecurityGroupRuleOptions, content: string | undefined): string {
    const id = options.id ?? `${direction}-${port}-${peer._stableKey ?? `peer${++this.tokenPeers}`}`.replace(/[^A-Za-z0-9.:_-]+/g, '_');
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

interface TextLimits {
  readonly minLength: number;
  readonly characters: TextCharacters;
  readonly docUrl: string;
}

/** Throws `code` unless a literal text has the length and the characters AWS allows. */
function checkText(scope: Construct, code: string, what: string, text: string | undefined, limits: TextLimits): void {
  if (text === undefined || isUnresolved(text)) return;
  checkTemplateFree(scope, text, what);
  const bad = [...text].find((character) => !limits.characters.test.test(character));
  const tooLong = text.length > MAX_TEXT_LENGTH;
  if (bad === undefined && !tooLong && text.length >= limits.minLength) return;
  throw new NetworkConstraintError({
    code,
    scope,
    problem: bad !== undefined ? `${what} contains ${JSON.stringify(bad)}, which AWS does not allow there`
      : `${what} is ${text.length === 0 ? 'empty' : `${text.length} characters long`}`,
    received: tooLong ? `${JSON.stringify(text.slice(0, 40))}... (${text.length} characters)` : JSON.stringify(text),
    allowed: `${limits.minLength} to ${MAX_TEXT_LENGTH} characters of ${limits.characters.shown}`,
    docUrl: limits.docUrl,
  });
}
