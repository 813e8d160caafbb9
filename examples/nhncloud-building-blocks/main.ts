import { NhncloudBuildingBlocksStack } from './stack';
import { runExample } from '../shared/run-example';

runExample((app) => new NhncloudBuildingBlocksStack(app, 'nhncloud-building-blocks'));
