import { AlicloudHaVipPairStack } from './stack';
import { runExample } from '../shared/run-example';

runExample((app) => new AlicloudHaVipPairStack(app, 'alicloud-havip-pair'));
