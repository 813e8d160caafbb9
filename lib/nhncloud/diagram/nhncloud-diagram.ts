import { buildNhnDiagramModel } from './build-model';
import { CloudDiagram } from '../../diagram/diagram-builders';
import { NhnIndex } from '../rules/nhn-index';
import { NHN_NOUNS } from '../rules/nhn-nouns';

/** What NHN Cloud plugs into the network diagram (`lib/clouds.ts` registers it). */
export const NHNCLOUD_DIAGRAM: CloudDiagram = {
  resourcePrefix: 'nhncloud_',
  nouns: NHN_NOUNS,
  build: (index, stackName) => buildNhnDiagramModel(new NhnIndex(index), stackName),
};
