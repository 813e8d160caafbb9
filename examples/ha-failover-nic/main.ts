import { activeFromEnvironment, HaFailoverNicStack } from './stack';
import { runExample } from '../shared/run-example';

runExample((app) => new HaFailoverNicStack(app, 'ha-failover-nic', { active: activeFromEnvironment(process.env.HA_ACTIVE) }));
