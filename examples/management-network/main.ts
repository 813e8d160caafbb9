import { ManagementNetworkStack } from './stack';
import { runExample } from '../shared/run-example';

runExample((app) => new ManagementNetworkStack(app, 'management-network'));
