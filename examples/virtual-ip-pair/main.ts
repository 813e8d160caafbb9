import { VirtualIpPairStack } from './stack';
import { runExample } from '../shared/run-example';

runExample((app) => new VirtualIpPairStack(app, 'virtual-ip-pair'));
