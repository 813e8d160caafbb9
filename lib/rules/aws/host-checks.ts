import { InstanceNetworkLimits, InstanceTypeNetworkLimits } from '../../limits/instance-network-limits';
import { RuleReport } from '../network-rule';
import { Host, InterfaceAttachment } from '../stack-index';

/** A host whose interfaces can be counted against the limits of a known instance type. */
export interface CountableHost {
  readonly typeName: string;
  readonly limits: InstanceTypeNetworkLimits;
}

/**
 * The instance type limits of a host, when its interface set can be counted; otherwise reports
 * why it cannot (INFO) and returns undefined. A type missing from the limits table is NIC004's
 * finding, so it returns undefined silently.
 */
export function countableHost(host: Host, report: RuleReport): CountableHost | undefined {
  const type = host.instanceType.follow();
  const typeName = type.asString();
  if (typeName === undefined) {
    // A launch template without an instance type takes it from the launch request: nothing to count against.
    if (!type.isAbsent) report.cannotVerify(host.resource, 'instance_type', type);
    return undefined;
  }
  const limits = InstanceNetworkLimits.of(typeName);
  if (!limits) return undefined;
  if (host.unknownInterfaces) {
    report.cannotVerify(host.resource, 'its list of network interfaces', host.unknownInterfaces);
    return undefined;
  }
  const repeated = host.attachments.find((a) => a.repeated);
  if (repeated) {
    const multiplicity = [repeated.source, repeated.hostResource, repeated.eniResource].find((r) => r?.repeated) ?? host.resource;
    report.cannotVerify(host.resource, `the number of interfaces (${multiplicity.label} has count/for_each)`,
      multiplicity.attr(multiplicity.raw.for_each !== undefined ? 'for_each' : 'count'));
    return undefined;
  }
  return { typeName, limits };
}

/** Attachments by device index, unknown indexes last, declaration order otherwise. */
export function byDeviceIndex(attachments: InterfaceAttachment[]): InterfaceAttachment[] {
  const key = (a: InterfaceAttachment) => a.deviceIndex.follow().asNumber() ?? Number.MAX_SAFE_INTEGER;
  return attachments.map((a, i) => ({ a, i })).sort((x, y) => key(x.a) - key(y.a) || x.i - y.i).map((x) => x.a);
}
