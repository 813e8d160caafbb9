import { NhncloudVirtualIpPairStack } from './stack';
import { runExample } from '../shared/run-example';

runExample((app) => new NhncloudVirtualIpPairStack(app, 'nhncloud-virtual-ip-pair'));
