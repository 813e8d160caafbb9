import { Host, AwsIndex } from './aws-index';
import { AwsRule } from './aws-rule';
import { RuleLevel } from '../../checks/rule-level';
import { RuleReport } from '../../checks/rule-report';
import { TfValue } from '../../checks/tf-value';
import { DocUrl } from '../doc-url';

/** Where a host asks for a public IPv4 address at launch. */
interface PublicIpRequest {
  readonly value: TfValue;
  /** ` in the interface at device index 0`, or empty for the instance's own attribute. */
  readonly where: string;
}

const AT_LAUNCH = new Set(['primary', 'instance-block', 'launch-template-block']);

/**
 * NIC033: a public IPv4 address is auto-assigned (`associate_public_ip_address = true`) only to an
 * instance launched with a single network interface.
 */
export class Nic033PublicIpSeveralInterfaces extends AwsRule {
  public readonly id = 'NIC033';
  public readonly level = RuleLevel.ERROR;
  public readonly summary = 'public IPv4 auto-assign is not requested with several interfaces at launch';
  public readonly explanation = 'EC2 assigns a public IPv4 address at launch only to an instance launched with one network '
    + 'interface; with several, it rejects the launch (InvalidParameterCombination: the associatePublicIPAddress parameter '
    + 'cannot be specified when launching with multiple network interfaces), so the apply fails.';
  public readonly docUrl = DocUrl.instanceNetworkInterfaceSpecification;
  public readonly hardLimit = true;

  public check(index: AwsIndex, report: RuleReport): void {
    for (const host of index.hosts) {
      const requests = publicIpRequests(host);
      if (requests.length === 0) continue;
      const atLaunch = host.attachments.filter((a) => AT_LAUNCH.has(a.kind));
      for (const request of requests) {
        const wanted = request.value.follow().asBoolean();
        if (wanted === false) continue;
        if (atLaunch.length > 1) {
          if (wanted === undefined) {
            report.cannotVerify(host.resource, `associate_public_ip_address${request.where}`, request.value);
            continue;
          }
          report.violation(
            host.resource,
            `${host.resource.label} requests a public IPv4 address at launch (associate_public_ip_address = true${request.where}) `
              + `with ${atLaunch.length} interfaces (${atLaunch.map((a) => a.label).join(', ')}): EC2 assigns one only to an instance launched with a single interface`,
            'set associate_public_ip_address = false and associate an Elastic IP with the interface that needs a public address, '
              + 'or launch with one interface and attach the others afterwards',
          );
        } else if (host.unknownInterfaces && wanted) {
          report.cannotVerify(host.resource, 'the interfaces it launches with', host.unknownInterfaces);
        }
      }
    }
  }
}

function publicIpRequests(host: Host): PublicIpRequest[] {
  const requests: PublicIpRequest[] = [];
  const own = host.resource.attr('associate_public_ip_address');
  if (!own.isAbsent) requests.push({ value: own, where: '' });
  // An instance's copies of its template's blocks are checked on the template itself.
  if (host.resource.type !== 'aws_launch_template') return requests;
  for (const attachment of host.attachments) {
    if (!attachment.block) continue;
    const value = attachment.block.attr('associate_public_ip_address');
    if (!value.isAbsent) requests.push({ value, where: ` in the interface at device index ${attachment.deviceIndex.display}` });
  }
  return requests;
}
