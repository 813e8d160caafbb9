import { Eip } from '@cdktf/provider-aws/lib/eip';
import { EipAssociation } from '@cdktf/provider-aws/lib/eip-association';
import { Construct, IConstruct } from 'constructs';
import { DocUrl } from './doc-url';
import { ElasticIpAssociationOptions, INetworkInterface, NetworkInterfaceBase } from './network-interface-base';
import { ELASTIC_IP_PROPS } from './prop-specs';
import { ErrorCode } from '../core/error-codes';
import { NetworkConstraintError } from '../core/errors';
import { checkProps } from '../core/prop-checks';

/** An Elastic IP address, created by this app or imported by allocation id. */
export interface IElasticIp extends IConstruct {
  /** The allocation id (`eipalloc-...`). */
  readonly allocationId: string;

  /**
   * Maps the Elastic IP to a private address of an interface with an `aws_eip_association`,
   * kept apart from the address itself so the association can move while the address stays.
   */
  associateWith(networkInterface: INetworkInterface, options?: ElasticIpAssociationOptions): EipAssociation;
}

/** Props of an `ElasticIp`. */
export interface ElasticIpProps {
  /**
   * Interface to associate the address with.
   * @default - not associated; call `associateWith` later
   */
  readonly networkInterface?: INetworkInterface;

  /**
   * Private address of `networkInterface` the Elastic IP maps to; refused without `networkInterface`.
   * @default - the interface's primary private IPv4 address
   */
  readonly privateIp?: string;

  /**
   * Whether the association may take the address away from a resource that already holds it;
   * `true` is refused without `networkInterface`.
   * @default false
   */
  readonly allowReassociation?: boolean;

  /**
   * Public IPv4 pool to allocate from (a BYOIP pool id).
   * @default - Amazon's pool
   */
  readonly publicIpv4Pool?: string;

  /**
   * Tags of the address.
   * @default - no tags
   */
  readonly tags?: { [key: string]: string };
}

/** What created and imported Elastic IPs share: one association at a time. */
abstract class ElasticIpBase extends Construct implements IElasticIp {
  public abstract readonly allocationId: string;
  private association?: EipAssociation;

  public associateWith(networkInterface: INetworkInterface, options: ElasticIpAssociationOptions = {}): EipAssociation {
    if (this.association) {
      throw new NetworkConstraintError({
        code: ErrorCode.ElasticIpAlreadyAssociated,
        scope: this,
        problem: 'an Elastic IP is associated with one private address at a time',
        received: `a second association with ${networkInterface.node.path}`,
        allowed: 'one association per Elastic IP',
        fix: 'Allocate another Elastic IP for the second address',
        docUrl: DocUrl.elasticIp,
      });
    }
    const privateIp = networkInterface instanceof NetworkInterfaceBase
      ? networkInterface._claimElasticIpAddress(options.privateIp)
      : options.privateIp;
    this.association = new EipAssociation(this, 'Association', {
      allocationId: this.allocationId,
      networkInterfaceId: networkInterface.networkInterfaceId,
      privateIpAddress: privateIp,
      allowReassociation: options.allowReassociation ?? false,
    });
    return this.association;
  }
}

/**
 * A VPC Elastic IP address (`aws_eip`), optionally associated with a private address of an
 * interface through a separate `aws_eip_association`.
 *
 * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/elastic-ip-addresses-eip.html
 */
export class ElasticIp extends ElasticIpBase {
  /** Refers to an existing Elastic IP by allocation id; it can be associated with interfaces. */
  public static fromAllocationId(scope: Construct, id: string, allocationId: string): IElasticIp {
    return new ImportedElasticIp(scope, id, allocationId);
  }

  public readonly allocationId: string;
  /** The underlying `aws_eip` resource. */
  public readonly resource: Eip;
  // Created on first read (cdktf records a full stack trace per token).
  private publicIpToken?: string;

  constructor(scope: Construct, id: string, props: ElasticIpProps = {}) {
    super(scope, id);
    checkProps(this, props, ELASTIC_IP_PROPS);
    this.refuseAssociationPropsWithoutInterface(props);
    this.resource = new Eip(this, 'Resource', {
      domain: 'vpc',
      publicIpv4Pool: props.publicIpv4Pool,
      tags: props.tags,
    });
    this.allocationId = this.resource.allocationId;
    if (props.networkInterface) {
      this.associateWith(props.networkInterface, {
        privateIp: props.privateIp,
        allowReassociation: props.allowReassociation,
      });
    }
  }

  /** The public IPv4 address. */
  public get publicIp(): string {
    return this.publicIpToken ??= this.resource.publicIp;
  }

  /** `privateIp` and `allowReassociation` describe the association, which only `networkInterface` makes. */
  private refuseAssociationPropsWithoutInterface(props: ElasticIpProps): void {
    if (props.networkInterface) return;
    const given = (['privateIp', 'allowReassociation'] as const).filter((name) => props[name] !== undefined && props[name] !== false);
    if (given.length === 0) return;
    throw new NetworkConstraintError({
      code: ErrorCode.ConflictingProps,
      scope: this,
      problem: `${given.join(' and ')} only ${given.length > 1 ? 'apply' : 'applies'} to the association with networkInterface, which is not given`,
      received: `${given.map((name) => `${name} ${JSON.stringify(props[name])}`).join(', ')} without networkInterface`,
      allowed: 'privateIp and allowReassociation only with networkInterface',
      fix: 'Pass networkInterface, or drop them and call associateWith(networkInterface, { privateIp, allowReassociation }) later',
      docUrl: DocUrl.elasticIp,
    });
  }
}

/** An Elastic IP allocated outside this app. */
class ImportedElasticIp extends ElasticIpBase {
  public readonly allocationId: string;

  constructor(scope: Construct, id: string, allocationId: string) {
    super(scope, id);
    this.allocationId = allocationId;
  }
}
