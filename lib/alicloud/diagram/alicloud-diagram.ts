import { buildAliDiagramModel } from './build-model';
import { CloudDiagram } from '../../diagram/diagram-builders';
import { AliIndex } from '../rules/ali-index';
import { ALI_NOUNS } from '../rules/ali-nouns';

/** What Alibaba Cloud plugs into the network diagram (`lib/clouds.ts` registers it). */
export const ALICLOUD_DIAGRAM: CloudDiagram = {
  resourcePrefix: 'alicloud_',
  nouns: ALI_NOUNS,
  build: (index, stackName) => buildAliDiagramModel(new AliIndex(index), stackName),
};
