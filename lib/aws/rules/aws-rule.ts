import { AwsIndex } from './aws-index';
import { CloudRule } from '../../checks/cloud-checks';

/** An AWS rule: reads the `AwsIndex` of a stack. */
export abstract class AwsRule extends CloudRule<AwsIndex> {}
