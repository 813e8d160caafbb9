import { NhncloudHaFailoverPortStack } from './stack';
import { activeFromEnvironment } from '../ha-failover-nic/stack';
import { runExample } from '../shared/run-example';

// Fail over by applying again with HA_ACTIVE=standby (the AWS example reads the same variable).
runExample((app) => new NhncloudHaFailoverPortStack(app, 'nhncloud-ha-failover-port', { active: activeFromEnvironment(process.env.HA_ACTIVE) }));
