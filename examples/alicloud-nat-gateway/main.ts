import { AlicloudNatGatewayStack } from './stack';
import { runExample } from '../shared/run-example';

runExample((app) => new AlicloudNatGatewayStack(app, 'alicloud-nat-gateway'));
