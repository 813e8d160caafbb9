import { AlicloudMultiEipInstanceStack } from './stack';
import { runExample } from '../shared/run-example';

runExample((app) => new AlicloudMultiEipInstanceStack(app, 'alicloud-multi-eip-instance'));
