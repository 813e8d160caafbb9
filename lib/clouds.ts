import { ALICLOUD_DIAGRAM } from './alicloud/diagram/alicloud-diagram';
import { ALI_CHECKS } from './alicloud/rules/registry';
import { AWS_DIAGRAM } from './aws/diagram/aws-diagram';
import { AWS_CHECKS } from './aws/rules/registry';
import { registerCloud } from './checks/rule-registry';
import { registerCloudDiagram } from './diagram/diagram-builders';
import { NHNCLOUD_DIAGRAM } from './nhncloud/diagram/nhncloud-diagram';
import { NHN_CHECKS } from './nhncloud/rules/registry';

// The one place that knows every cloud: the engine and the diagram import none. Adding a cloud is
// adding its folder and its lines here.
registerCloud(AWS_CHECKS);
registerCloud(ALI_CHECKS);
registerCloud(NHN_CHECKS);
registerCloudDiagram(AWS_DIAGRAM);
registerCloudDiagram(ALICLOUD_DIAGRAM);
registerCloudDiagram(NHNCLOUD_DIAGRAM);
