import { IConstruct } from 'constructs';
import { checkCount } from './address-checks';
import { DocUrl } from './doc-url';
import { InstanceNetworkLimits } from './limits/instance-network-limits';
import { ErrorCode } from '../core/error-codes';
import { NetworkConstraintError } from '../core/errors';
import { isUnresolved } from '../core/tokens';

/**
 * Refuses a device index no interface can be attached at after launch: 0, the primary interface's,
 * with `PrimaryDeviceIndex`, and anything but a whole number below the largest instance type's
 * interface count with `InvalidCount`. Whoever attaches (Terraform or the failover agent) gets
 * the same answer.
 */
export function checkAttachmentDeviceIndex(scope: IConstruct, deviceIndex: number): void {
  if (isUnresolved(deviceIndex)) return;
  if (deviceIndex === 0) {
    throw new NetworkConstraintError({
      code: ErrorCode.PrimaryDeviceIndex,
      scope,
      problem: 'device index 0 is the primary interface, which is created with the instance and can never be attached or detached',
      received: 'deviceIndex 0',
      allowed: 'a device index of 1 or more',
      fix: 'Attach at device index 1 or higher, or make this interface the primary one in the instance\'s network_interface block at launch',
      docUrl: DocUrl.attachEni,
    });
  }
  // An instance has at most as many interfaces as the largest type takes, numbered from 0.
  checkCount(scope, 'deviceIndex', deviceIndex, 1, InstanceNetworkLimits.maxima().maxNetworkInterfaces - 1);
}
