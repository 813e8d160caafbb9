import { MultiEipInstanceStack } from './stack';
import { runExample } from '../shared/run-example';

runExample((app) => new MultiEipInstanceStack(app, 'multi-eip-instance'));
