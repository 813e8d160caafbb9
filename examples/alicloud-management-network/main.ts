import { AlicloudManagementNetworkStack } from './stack';
import { runExample } from '../shared/run-example';

runExample((app) => new AlicloudManagementNetworkStack(app, 'alicloud-management-network'));
