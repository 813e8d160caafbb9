import { Host } from './ali-index';
import { RuleReport } from '../../checks/rule-report';
import { aliInstanceNetworkLimits, AliInstanceNetworkLimits } from '../limits/instance-network-limits';

/** A host whose instance type is known to the limits table. */
export interface HostLimits {
  readonly typeName: string;
  readonly limits: AliInstanceNetworkLimits;
}

/**
 * The instance type limits of a host. Reports an instance type only known at deploy time (INFO)
 * and returns undefined; a type missing from the limits table is ALI003's finding, so it returns
 * undefined silently.
 */
export function hostLimits(host: Host, report: RuleReport): HostLimits | undefined {
  const type = host.instanceType.follow();
  const typeName = type.asString();
  if (typeName === undefined) {
    if (!type.isAbsent) report.cannotVerify(host.resource, 'instance_type', type);
    else if (host.launchTemplate) report.cannotVerify(host.resource, 'instance_type (not set: its launch template gives it)', host.launchTemplate);
    return undefined;
  }
  const limits = aliInstanceNetworkLimits(typeName);
  return limits ? { typeName, limits } : undefined;
}

/**
 * The instance type limits of a host whose ENIs can be counted; otherwise reports why they cannot
 * (INFO) and returns undefined (see `hostLimits`).
 */
export function countableHost(host: Host, report: RuleReport): HostLimits | undefined {
  const known = hostLimits(host, report);
  if (!known) return undefined;
  if (host.unknownInterfaces) {
    report.cannotVerify(host.resource, 'its list of ENIs', host.unknownInterfaces);
    return undefined;
  }
  const repeated = host.attachments.find((a) => a.repeated);
  if (repeated) {
    const multiplicity = [repeated.source, repeated.hostResource, repeated.eniResource].find((r) => r?.repeated) ?? repeated.source;
    report.cannotVerify(host.resource, `the number of ENIs (${multiplicity.label} has count/for_each)`, multiplicity.repetition);
    return undefined;
  }
  return known;
}

/** How messages name a host: `ecs.g6.large "web/host"`. */
export function hostName(host: Host, typeName: string): string {
  return `${typeName} "${host.resource.path}"`;
}
