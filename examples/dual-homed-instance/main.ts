import { DualHomedInstanceStack } from './stack';
import { runExample } from '../shared/run-example';

runExample((app) => new DualHomedInstanceStack(app, 'dual-homed-instance'));
