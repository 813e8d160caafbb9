import { NhnIndex } from './nhn-index';
import { CloudRule } from '../../checks/cloud-checks';

/** An NHN Cloud rule: reads the `NhnIndex` of a stack. */
export abstract class NhnRule extends CloudRule<NhnIndex> {}
