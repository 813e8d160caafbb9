import { buildDiagramModel } from './build-model';
import { CloudDiagram } from '../../diagram/diagram-builders';
import { AwsIndex } from '../rules/aws-index';
import { AWS_NOUNS } from '../rules/aws-nouns';

/** What AWS plugs into the network diagram (`lib/clouds.ts` registers it). */
export const AWS_DIAGRAM: CloudDiagram = {
  resourcePrefix: 'aws_',
  nouns: AWS_NOUNS,
  build: (index, stackName) => buildDiagramModel(new AwsIndex(index), stackName),
};
