import { NhncloudDualHomedInstanceStack } from './stack';
import { runExample } from '../shared/run-example';

runExample((app) => new NhncloudDualHomedInstanceStack(app, 'nhncloud-dual-homed-instance'));
