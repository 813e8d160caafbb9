import { Ec2Tag } from '@cdktf/provider-aws/lib/ec2-tag';
import { LambdaInvocation } from '@cdktf/provider-aws/lib/lambda-invocation';
import { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { FAILOVER_PAIR_TAG, FailoverAgent, FailoverAgentOptions, LAST_FAILOVER_TAG } from './failover-agent';
import { HaActiveSide } from './ha-active-side';
import { HaMember } from './ha-member';
import { claimPairName, defaultPairName, PairKind } from './pair-name';
import { ErrorCode } from '../../core/error-codes';
import { NetworkConstraintError } from '../../core/errors';
import { checkInstanceOf, checkProps } from '../../core/prop-checks';
import { markSuppressed } from '../../core/suppression-marks';
import { isUnresolved } from '../../core/tokens';
import { checkAddressLimits } from '../address-checks';
import { AwsRuleId } from '../constraints';
import { checkAttachmentDeviceIndex } from '../device-index-checks';
import { DocUrl } from '../doc-url';
import { ElasticIp } from '../elastic-ip';
import { Instance } from '../instance';
import { InstanceReference } from '../instance-reference';
import { Ipv4Assignment } from '../ipv4-assignment';
import { MarkerRole, MarkerTag } from '../marker-tags';
import { NetworkInterface } from '../network-interface';
import { FAILOVER_AGENT_OPTIONS, HA_FAILOVER_NIC_PROPS } from '../prop-specs';
import { SubnetReference } from '../subnet-reference';

/** Props of a `HaFailoverNic`. */
export interface HaFailoverNicProps {
  /**
   * Name of the pair: tags, the agent's function, role and alarm names (letters, digits, `-`, `_`,
   * at most 40), unique among the app's failover pairs.
   * @default - the construct's id and a hash of its construct path (`web-1a2b3c4d`), unique in the app
   */
  readonly pairName?: string;

  /** Subnet of the failover interface; both members must be in its Availability Zone. */
  readonly subnet: SubnetReference;

  /**
   * Private addresses of the failover interface; they move with it, so clients keep using them.
   * @default Ipv4Assignment.automatic()
   */
  readonly privateIpv4?: Ipv4Assignment;

  /**
   * Security groups of the failover interface.
   * @default - the VPC's default security group
   */
  readonly securityGroupIds?: string[];

  /**
   * Allocate an Elastic IP for the interface's primary address; it moves with the interface.
   * @default false
   */
  readonly elasticIp?: boolean;

  /** The instance that normally holds the interface. */
  readonly primary: HaMember;

  /** The hot standby that takes the interface when the primary fails. */
  readonly standby: HaMember;

  /**
   * Which member holds the interface. Changing it moves only the attachment (detach first); the
   * interface, its addresses, MAC and Elastic IP stay as they are.
   * @default HaActiveSide.PRIMARY
   */
  readonly active?: HaActiveSide;

  /**
   * Device index of the interface on either member (1 or more: 0 is the member's own primary interface).
   * @default 1
   */
  readonly deviceIndex?: number;

  /**
   * Refuse `terraform destroy` of the interface and its Elastic IP (`prevent_destroy`).
   * @default false
   */
  readonly preventDestroy?: boolean;

  /**
   * Deploy the failover agent, which moves the interface to the standby when the holder stops,
   * terminates or fails its status checks. With the agent, the attachment is made by the agent at
   * Terraform's request, so Terraform never moves the interface back after a failover.
   * @default - no agent: Terraform alone places the interface, following `active`
   */
  readonly failoverAgent?: FailoverAgentOptions;

  /**
   * Tags of the interface and the Elastic IP.
   * @default - only the library's marker tags
   */
  readonly tags?: { [key: string]: string };
}

/**
 * A network interface that outlives any instance, served by a primary and a hot standby: the AWS
 * guide's "low-budget high availability" scenario. Moving the interface keeps its private
 * addresses, Elastic IP and MAC address, so traffic follows with no route or DNS change.
 *
 * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/scenarios-enis.html
 */
export class HaFailoverNic extends Construct {
  /** The failover interface. */
  public readonly networkInterface: NetworkInterface;
  /** The Elastic IP, when asked for. */
  public readonly elasticIp?: ElasticIp;
  /** The primary member. */
  public readonly primaryInstance: InstanceReference;
  /** The standby member. */
  public readonly standbyInstance: InstanceReference;
  /** The primary member's instance, when launched by the construct. */
  public readonly primaryLaunched?: Instance;
  /** The standby member's instance, when launched by the construct. */
  public readonly standbyLaunched?: Instance;
  /** The failover agent, when deployed. */
  public readonly agent?: FailoverAgent;
  /** The member that holds the interface. */
  public readonly active: HaActiveSide;
  /** Name of the pair. */
  public readonly pairName: string;

  constructor(scope: Construct, id: string, props: HaFailoverNicProps) {
    super(scope, id);
    checkProps(this, props, HA_FAILOVER_NIC_PROPS);
    checkInstanceOf(this, props.primary, HaMember, 'props.primary');
    checkInstanceOf(this, props.standby, HaMember, 'props.standby');
    checkProps(this, props.failoverAgent, FAILOVER_AGENT_OPTIONS, 'props.failoverAgent');
    this.pairName = props.pairName ?? defaultPairName(this);
    claimPairName(this, PairKind.FAILOVER, this.pairName);
    this.active = props.active ?? HaActiveSide.PRIMARY;
    const deviceIndex = props.deviceIndex ?? 1;
    // Checked here, so that Terraform's attachment and the agent's refuse it alike.
    checkAttachmentDeviceIndex(this, deviceIndex);
    const pairTags = { [FAILOVER_PAIR_TAG]: this.pairName };

    this.networkInterface = new NetworkInterface(this, 'Interface', {
      subnet: props.subnet,
      privateIpv4: props.privateIpv4,
      securityGroupIds: props.securityGroupIds,
      description: `Failover interface of pair ${this.pairName}`,
      tags: { ...props.tags, ...pairTags, [MarkerTag.role]: MarkerRole.failover },
    });
    const lifecycle = {
      ...props.preventDestroy ? { preventDestroy: true } : {},
      // The agent records each move in this tag, outside Terraform: a plan must neither show it as
      // drift nor erase it, which would also erase the anti-flap cooldown. Other tags stay managed.
      ...props.failoverAgent === undefined ? {} : { ignoreChanges: [`tags["${LAST_FAILOVER_TAG}"]`] },
    };
    if (Object.keys(lifecycle).length > 0) this.networkInterface.resource.lifecycle = lifecycle;
    if (props.elasticIp) {
      this.elasticIp = new ElasticIp(this, 'ElasticIp', { networkInterface: this.networkInterface, tags: props.tags });
      if (props.preventDestroy) this.elasticIp.resource.lifecycle = { preventDestroy: true };
    }

    [this.primaryInstance, this.primaryLaunched] = this.member('Primary', props.primary, props, pairTags);
    [this.standbyInstance, this.standbyLaunched] = this.member('Standby', props.standby, props, pairTags);
    this.checkDistinctMembers();
    this.explainSharedSubnet(props);
    const holder = this.active === HaActiveSide.PRIMARY ? this.primaryInstance : this.standbyInstance;
    // Either member may hold the interface, whatever `active` says now: a failover to a member that
    // cannot carry its addresses would fail at run time.
    const counts = { ipv4: this.networkInterface.privateIpv4.totalAddresses, ipv6: this.networkInterface.ipv6.totalAddresses };
    for (const member of [this.primaryInstance, this.standbyInstance]) {
      checkAddressLimits(this.networkInterface, member.instanceType, counts);
    }

    if (props.failoverAgent === undefined) {
      // Terraform owns the attachment: a change of `active` replaces it, detaching first.
      this.networkInterface.attachTo(holder, { deviceIndex, id: 'Attachment' });
      return;
    }
    this.agent = new FailoverAgent(this, 'Agent', {
      ...props.failoverAgent,
      pairName: this.pairName,
      networkInterfaceId: this.networkInterface.networkInterfaceId,
      primaryInstanceId: this.primaryInstance.instanceId,
      standbyInstanceId: this.standbyInstance.instanceId,
      deviceIndex,
    });
    const pairTagResources = this.tagExistingMembers(props, pairTags);
    // The agent owns the attachment; Terraform only asks it to place the interface on `active`.
    // The request names the side, not the instance: replacing a member changes the agent's
    // configuration but never re-sends the request, so a replaced primary does not pull the
    // interface off a standby that serves since a failover. After an automatic failover the input
    // is unchanged too, so a plan asks for nothing.
    new LambdaInvocation(this, 'Attachment', {
      functionName: this.agent.function.functionName,
      input: JSON.stringify({ action: 'place', side: this.active }),
      // Re-invoked when `active` changes, never otherwise.
      triggers: { active: this.active },
      // The first request fails with UnauthorizedOperation unless the policy and the members' pair tags are in force.
      dependsOn: [this.agent.policy, ...pairTagResources],
    });
  }

  private member(
    id: string, member: HaMember, props: HaFailoverNicProps, pairTags: Record<string, string>,
  ): [InstanceReference, Instance | undefined] {
    if (member.instance) {
      this.checkZone(id, member.instance.availabilityZone);
      return [member.instance, undefined];
    }
    const launch = member.launchProps!;
    const subnet = launch.subnet ?? props.subnet;
    this.checkZone(id, subnet.availabilityZone);
    const eth0 = new NetworkInterface(this, `${id}Eth0`, {
      subnet,
      securityGroupIds: launch.securityGroupIds ?? props.securityGroupIds,
      description: `${id.toLowerCase()} member of failover pair ${this.pairName}`,
    });
    const instance = new Instance(this, id, {
      ami: launch.ami,
      instanceType: launch.instanceType,
      primaryInterface: eth0,
      keyName: launch.keyName,
      userData: launch.userData,
      iamInstanceProfile: launch.iamInstanceProfile,
      tags: { ...pairTags, Name: `${this.pairName}-${id.toLowerCase()}` },
    });
    return [instance.reference, instance];
  }

  /**
   * A launched member's own primary interface is in the failover interface's subnet unless told
   * otherwise, which NIC013 would warn about; the warning's advice (secondary addresses instead of a
   * second interface) cannot apply to an interface whose purpose is to move on its own.
   */
  private explainSharedSubnet(props: HaFailoverNicProps): void {
    const shared = [props.primary, props.standby].some((member) => member.launchProps && member.launchProps.subnet === undefined);
    if (!shared) return;
    markSuppressed(this, {
      id: AwsRuleId.interfacesSameSubnet,
      reason: 'the failover interface is an interface of its own so that it can move between the members, whose own primary '
        + 'interfaces are in its subnet by default (HaMember.launch({ subnet }) picks another); replies leave by the interface '
        + 'they came in on with per-interface policy routing, which Amazon Linux 2023 sets up (elsewhere: SecondaryInterfaceRouting)',
    });
  }

  /** Tags existing members as the pair's (launched ones carry the tag from the start). */
  private tagExistingMembers(props: HaFailoverNicProps, pairTags: Record<string, string>): ITerraformDependable[] {
    const existing: Array<[string, HaMember]> = [['Primary', props.primary], ['Standby', props.standby]];
    return existing.flatMap(([id, member]) => (member.instance === undefined ? [] : Object.entries(pairTags).map(
      ([key, value]) => new Ec2Tag(this, `${id}PairTag`, { resourceId: member.instance!.instanceId, key, value }),
    )));
  }

  private checkZone(member: string, zone: string | undefined): void {
    const interfaceZone = this.networkInterface.subnet.availabilityZone;
    if (zone === undefined || interfaceZone === undefined || zone === interfaceZone) return;
    throw new NetworkConstraintError({
      code: ErrorCode.AvailabilityZoneMismatch,
      scope: this,
      problem: `the ${member.toLowerCase()} member is in another Availability Zone than the failover interface, which can only move within its zone`,
      received: `interface in ${interfaceZone}, ${member.toLowerCase()} in ${zone}`,
      allowed: `members in ${interfaceZone}`,
      fix: 'Launch both members in subnets of the interface\'s Availability Zone',
      docUrl: DocUrl.eni,
    });
  }

  private checkDistinctMembers(): void {
    const [a, b] = [this.primaryInstance.instanceId, this.standbyInstance.instanceId];
    if (isUnresolved(a) || isUnresolved(b) || a !== b) return;
    throw new NetworkConstraintError({
      code: ErrorCode.SameInstanceTwice,
      scope: this,
      problem: 'the primary and the standby are the same instance',
      received: a,
      allowed: 'two distinct instances',
    });
  }
}
