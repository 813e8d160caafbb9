import { NhncloudManagementNetworkStack } from './stack';
import { runExample } from '../shared/run-example';

runExample((app) => new NhncloudManagementNetworkStack(app, 'nhncloud-management-network'));
