import { Host, InterfaceAttachment } from './aws-index';
import { RuleReport } from '../../checks/rule-report';
import { InstanceNetworkLimits, InstanceTypeNetworkLimits } from '../limits/instance-network-limits';

/** A host whose instance type is known to the limits table. */
export interface HostLimits {
  readonly typeName: string;
  readonly limits: InstanceTypeNetworkLimits;
}

/**
 * The instance type limits of a host. Reports an instance type only known at deploy time (INFO)
 * and returns undefined; a type missing from the limits table is NIC004's finding, so it returns
 * undefined silently, as it does for a launch template without an instance type.
 */
export function hostLimits(host: Host, report: RuleReport): HostLimits | undefined {
  const type = host.instanceType.follow();
  const typeName = type.asString();
  if (typeName === undefined) {
    // A launch template without an instance type takes it from the launch request: nothing to check against.
    if (!type.isAbsent) report.cannotVerify(host.resource, 'instance_type', type);
    return undefined;
  }
  const limits = InstanceNetworkLimits.of(typeName);
  return limits ? { typeName, limits } : undefined;
}

/**
 * The instance type limits of a host, when its interface set can be counted; otherwise reports
 * why it cannot (INFO) and returns undefined (see `hostLimits`).
 */
export function countableHost(host: Host, report: RuleReport): HostLimits | undefined {
  const known = hostLimits(host, report);
  if (!known) return undefined;
  const { typeName, limits } = known;
  if (host.unknownInterfaces) {
    report.cannotVerify(host.resource, 'its list of network interfaces', host.unknownInterfaces);
    return undefined;
  }
  const repeated = host.attachments.find((a) => a.repeated);
  if (repeated) {
    const multiplicity = [repeated.source, repeated.hostResource, repeated.eniResource].find((r) => r?.repeated) ?? host.resource;
    report.cannotVerify(host.resource, `the number of interfaces (${multiplicity.label} has count/for_each)`,
      multiplicity.repetition);
    return undefined;
  }
  return { typeName, limits };
}

/** Attachments by device index, unknown indexes last, declaration order otherwise. */
export function byDeviceIndex(attachments: InterfaceAttachment[]): InterfaceAttachment[] {
  const key = (a: InterfaceAttachment) => a.deviceIndex.follow().asNumber() ?? Number.MAX_SAFE_INTEGER;
  return attachments.map((a, i) => ({ a, i })).sort((x, y) => key(x.a) - key(y.a) || x.i - y.i).map((x) => x.a);
}

/** How messages name a host: `t3.micro "web/host"`, or `launch template "lt" (t3.micro)`. */
export function hostName(host: Host, typeName: string): string {
  return host.resource.type === 'aws_instance' ? `${typeName} "${host.resource.path}"` : `${host.resource.label} (${typeName})`;
}
