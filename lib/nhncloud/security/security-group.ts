import { TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { Peer } from './peer';
import { Traffic } from './traffic';
import { parseCidr } from '../../core/cidr';
import { ErrorCode } from '../../core/error-codes';
import { NetworkConstraintError } from '../../core/errors';
import { checkInstanceOf, checkProps } from '../../core/prop-checks';
import { checkAdminExposure, checkTransportPorts, ledgerRule, RuleLedger } from '../../core/security-rules';
import { markSuppressed } from '../../core/suppression-marks';
import { isUnresolved } from '../../core/tokens';
import { NetworkingSecgroupRuleV2 } from '../bindings/networking-secgroup-rule-v2';
import { NetworkingSecgroupV2 } from '../bindings/networking-secgroup-v2';
import { NhnDocUrl } from '../doc-url';
import { SECURITY_GROUP_PROPS, SECURITY_GROUP_RULE_OPTIONS } from '../prop-specs';

/** The id the NHN Cloud rules give the check that an explicit opt-in on a rule answers. */
const ADMIN_PORT_RULE_ID = 'NHN070';

/** Options of one security group rule. */
export interface SecurityGroupRuleOptions {
  /**
   * Description of the rule.
   * @default - no description
   */
  readonly description?: string;

  /**
   * Allow SSH (22) or RDP (3389) from `0.0.0.0/0`. Without it such a rule is refused:
   * administration ports belong on a management network or behind a bastion.
   * @default false
   */
  readonly allowAdministrationFromInternet?: boolean;

  /**
   * Construct id of the rule resource; not the id of another child of the group, nor `Resource`
   * or `Default`.
   * @default - derived from the direction, traffic and peer, so reordering rules replaces nothing
   */
  readonly id?: string;
}

/** Props of a `SecurityGroup`. */
export interface SecurityGroupProps {
  /** Name of the group (the provider requires one). */
  readonly securityGroupName: string;

  /**
   * Description of the group.
   * @default 'Managed by cdktf-nic-patterns'
   */
  readonly description?: string;

  /**
   * Tags of the group.
   * @default - no tags
   */
  readonly tags?: string[];
}

/**
 * A security group (`nhncloud_networking_secgroup_v2`) whose rules are separate
 * `nhncloud_networking_secgroup_rule_v2` resources, one per direction, traffic and peer. A new
 * group accepts no inbound traffic and keeps NHN Cloud's default rules, which let all outbound
 * traffic out. Ports join it through `PortSecurity.withSecurityGroups`: an instance's own
 * `security_groups` never reach an existing port (constraints.md B16).
 *
 * @see https://registry.terraform.io/providers/nhn-cloud/nhncloud/1.0.7/docs/resources/networking_secgroup_rule_v2
 */
export class SecurityGroup extends Construct {
  /** The group id. */
  public readonly securityGroupId: string;
  /** The underlying `nhncloud_networking_secgroup_v2` resource. */
  public readonly resource: TerraformResource;
  private readonly rules = new RuleLedger(this, NhnDocUrl.securityGroupRuleResource);

  constructor(scope: Construct, id: string, props: SecurityGroupProps) {
    super(scope, id);
    checkProps(this, props, SECURITY_GROUP_PROPS);
    const group = new NetworkingSecgroupV2(this, 'Resource', {
      name: props.securityGroupName,
      description: props.description ?? 'Managed by cdktf-nic-patterns',
      tags: props.tags,
    });
    this.resource = group;
    this.securityGroupId = group.id;
  }

  /**
   * Accepts `traffic` from `peer`.
   * @returns the rule resource
   * @throws NetworkConstraintError `AdminPortOpenToInternet`, `InvalidCidr`, `InvalidPort`,
   * `DuplicateRule`, `ConstructIdInUse`
   */
  public addIngressRule(peer: Peer, traffic: Traffic, options: SecurityGroupRuleOptions = {}): TerraformResource {
    const content = this.checkRule('ingress', peer, traffic, options);
    const exposed = checkAdminExposure(this, {
      fromInternet: peer.isInternet,
      traffic,
      peer: peer.value,
      optedIn: options.allowAdministrationFromInternet,
      fix: 'Allow it from your admin range or a management subnet, or pass allowAdministrationFromInternet: true if you really mean it',
      docUrl: NhnDocUrl.securityGroupRuleResource,
    });
    const rule = this.addRule('ingress', peer, traffic, options, content);
    if (exposed) {
      // The author opted in on this very rule: the NHN Cloud check records the reason instead of failing.
      markSuppressed(rule, { id: ADMIN_PORT_RULE_ID, reason: 'allowAdministrationFromInternet: true was set on this rule by its author' });
    }
    return rule;
  }

  /**
   * Allows `traffic` to `peer`.
   * @returns the rule resource
   * @throws NetworkConstraintError `InvalidCidr`, `InvalidPort`, `DuplicateRule`, `ConstructIdInUse`
   */
  public addEgressRule(peer: Peer, traffic: Traffic, options: SecurityGroupRuleOptions = {}): TerraformResource {
    return this.addRule('egress', peer, traffic, options, this.checkRule('egress', peer, traffic, options));
  }

  private addRule(direction: 'ingress' | 'egress', peer: Peer, traffic: Traffic, options: SecurityGroupRuleOptions, content: string | undefined): TerraformResource {
    return new NetworkingSecgroupRuleV2(this, this.rules.claimId(ledgerRule(direction, peer, traffic, options.id), content), {
      securityGroupId: this.securityGroupId,
      direction,
      ethertype: 'IPv4',
      protocol: traffic.protocol,
      portRangeMin: traffic.fromPort,
      portRangeMax: traffic.toPort,
      description: options.description,
      [peer._attribute]: peer.value,
    });
  }

  /** Checks a rule before anything is created; returns what it allows (`undefined` for a token peer). */
  private checkRule(direction: 'ingress' | 'egress', peer: Peer, traffic: Traffic, options: SecurityGroupRuleOptions): string | undefined {
    checkInstanceOf(this, peer, Peer, 'peer');
    checkInstanceOf(this, traffic, Traffic, 'traffic');
    checkProps(this, options, SECURITY_GROUP_RULE_OPTIONS, 'options');
    if (peer.isCidr && !isUnresolved(peer.value) && parseCidr(peer.value)?.family !== 4) {
      throw new NetworkConstraintError({
        code: ErrorCode.InvalidCidr,
        scope: this,
        problem: 'the rule\'s peer is not an IPv4 CIDR block (NHN Cloud\'s rules are IPv4)',
        received: JSON.stringify(peer.value),
        allowed: 'a block such as 192.168.0.0/16',
        docUrl: NhnDocUrl.securityGroupRuleResource,
      });
    }
    if (traffic.protocol === 'tcp' || traffic.protocol === 'udp') {
      checkTransportPorts(this, traffic.protocol, traffic.fromPort!, traffic.toPort!, NhnDocUrl.securityGroupRuleResource);
    }
    return this.rules.checkNotAddedYet(ledgerRule(direction, peer, traffic, options.id));
  }
}

