import { NetworkRule } from '../network-rule';
import { Nic001InterfacesPerInstance } from './nic001-interfaces-per-instance';
import { Nic020PrimaryInterfaceAttachment } from './nic020-primary-interface-attachment';
import { Nic040RouteTargetSourceDestCheck } from './nic040-route-target-source-dest-check';

/** The AWS rules, one line per rule file, sorted by id. */
export const AWS_RULES: readonly NetworkRule[] = [
  new Nic001InterfacesPerInstance(),
  new Nic020PrimaryInterfaceAttachment(),
  new Nic040RouteTargetSourceDestCheck(),
];
