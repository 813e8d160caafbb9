import { AliIndex } from './ali-index';
import { CloudRule } from '../../checks/cloud-checks';

/** An Alibaba Cloud rule: reads the `AliIndex` of a stack. */
export abstract class AliRule extends CloudRule<AliIndex> {}
