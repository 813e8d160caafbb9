import { AlicloudDualHomedInstanceStack } from './stack';
import { runExample } from '../shared/run-example';

runExample((app) => new AlicloudDualHomedInstanceStack(app, 'alicloud-dual-homed-instance'));
