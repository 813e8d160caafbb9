import { NatApplianceStack } from './stack';
import { runExample } from '../shared/run-example';

runExample((app) => new NatApplianceStack(app, 'nat-appliance'));
