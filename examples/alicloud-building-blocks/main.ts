import { AlicloudBuildingBlocksStack } from './stack';
import { runExample } from '../shared/run-example';

runExample((app) => new AlicloudBuildingBlocksStack(app, 'alicloud-building-blocks'));
