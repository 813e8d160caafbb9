import { BuildingBlocksStack } from './stack';
import { runExample } from '../shared/run-example';

runExample((app) => new BuildingBlocksStack(app, 'building-blocks'));
