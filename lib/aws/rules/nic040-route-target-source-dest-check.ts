import { RouteEntry, AwsIndex } from './aws-index';
import { AwsRule } from './aws-rule';
import { RuleLevel } from '../../checks/rule-level';
import { RuleReport } from '../../checks/rule-report';
import { TfResource, TfValue } from '../../checks/tf-value';

/** Why a route target's source/destination check is on, or the value that hides it. */
type CheckState = { on: true; because: string } | { on: false } | { unknown: TfValue; owner: TfResource };

/**
 * NIC040: a route whose target is a network interface (a NAT instance, a firewall, a VPN
 * appliance) only works when that interface's source/destination check is off.
 */
export class Nic040RouteTargetSourceDestCheck extends AwsRule {
  public readonly id = 'NIC040';
  public readonly level = RuleLevel.ERROR;
  public readonly summary = 'a route targets an interface or instance whose source/destination check is off';
  public readonly explanation = 'With the source/destination check on (the default), an interface drops every packet whose '
    + 'source or destination is not one of its own addresses: the traffic the route sends to it is silently lost. AWS '
    + 'accepts the route, so nothing fails until packets do.';
  public readonly docUrl = 'https://docs.aws.amazon.com/vpc/latest/userguide/work-with-nat-instances.html#EIP_Disable_SrcDestCheck';
  public readonly hardLimit = false;

  public check(index: AwsIndex, report: RuleReport): void {
    for (const route of index.routes) {
      const target = route.networkInterface;
      if (target.isAbsent) continue;
      const owner = target.referenceTo('aws_network_interface') ?? target.referenceTo('aws_instance');
      if (!owner) {
        report.cannotVerify(route.source, 'the route target network_interface_id', target);
        continue;
      }
      const state = owner.type === 'aws_instance' ? instanceCheck(index, owner) : interfaceCheck(index, owner);
      if ('unknown' in state) {
        report.cannotVerify(route.source, `source_dest_check of ${state.owner.label}`, state.unknown);
      } else if (state.on) {
        report.violation(
          route.source,
          `${routeName(route)} sends traffic to ${owner.label}, whose source/destination check is on (${state.because}): `
            + 'it drops every packet not addressed to its own IPs',
          `set source_dest_check = false on ${owner.label}`,
        );
      }
    }
  }
}

function routeName(route: RouteEntry): string {
  const destination = route.destination.isAbsent ? '' : ` to ${route.destination.display}`;
  return route.source.type === 'aws_route' ? `${route.source.label}${destination}` : `the route${destination} of ${route.source.label}`;
}

function attribute(resource: TfResource): CheckState {
  const value = resource.attr('source_dest_check').follow();
  if (value.isAbsent) return { on: true, because: `source_dest_check is not set on ${resource.label}; it defaults to true` };
  const flag = value.asBoolean();
  if (flag === undefined) return { unknown: value, owner: resource };
  return flag ? { on: true, because: `source_dest_check = true on ${resource.label}` } : { on: false };
}

/** Either switch turns the check off: the instance's applies to its primary interface. */
function either(first: CheckState, second: CheckState): CheckState {
  if ('on' in first && !first.on) return first;
  if ('on' in second && !second.on) return second;
  return 'unknown' in first ? first : 'unknown' in second ? second : first;
}

function interfaceCheck(index: AwsIndex, eni: TfResource): CheckState {
  const own = attribute(eni);
  const primaryOf = index.attachmentsOf(eni)
    .find((a) => a.kind === 'instance-block' && a.deviceIndex.follow().asNumber() === 0)?.hostResource;
  return primaryOf ? either(own, attribute(primaryOf)) : own;
}

function instanceCheck(index: AwsIndex, instance: TfResource): CheckState {
  const own = attribute(instance);
  const primary = index.hostOf(instance)?.attachments
    .find((a) => a.kind === 'instance-block' && a.deviceIndex.follow().asNumber() === 0)?.eniResource;
  return primary ? either(own, attribute(primary)) : own;
}
