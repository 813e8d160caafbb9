/**
 * Alibaba Cloud documentation pages the Alibaba Cloud rules cite (data/provider-schemas/constraints.md
 * names each source; the provider pages are those of aliyun/alicloud 1.289.0, the schema the rules read).
 */
export const AliDocUrl = {
  /** ECS "Overview of instance families": the "ENIs" and "Private IPv4 addresses per ENI" columns. */
  instanceFamilies: 'https://www.alibabacloud.com/help/en/ecs/user-guide/overview-of-instance-families',
  /** ECS API AttachNetworkInterface ([ANI]). */
  attachNetworkInterface: 'https://www.alibabacloud.com/help/en/doc-detail/58515.htm',
  /** ECS API CreateNetworkInterface ([CNI]). */
  createNetworkInterface: 'https://www.alibabacloud.com/help/en/elastic-compute-service/latest/createnetworkinterface',
  /** ECS API JoinSecurityGroup ([JSG]). */
  joinSecurityGroup: 'https://www.alibabacloud.com/help/ja/ecs/developer-reference/api-ecs-2014-05-26-joinsecuritygroup',
  /** ECS "Security group rules" ([SGR]). */
  securityGroupRules: 'https://www.alibabacloud.com/help/en/ecs/user-guide/security-group-rules',
  /** ECS "Retain and reuse an ENI": attached ENIs are released with their instance by default. */
  retainEni: 'https://www.alibabacloud.com/help/doc-detail/2938787.html',
  /** EIP "Associate an EIP with a cloud resource" (the seed guide: ECS, ENI, NAT gateway, HaVip). */
  associateEip: 'https://www.alibabacloud.com/help/en/eip/associate-an-eip-with-a-cloud-instance',
  /** EIP cut-through mode, `BINDED` ([ACT]). */
  cutThroughMode: 'https://www.alibabacloud.com/help/doc-detail/98641.htm',
  /** EIP multi-EIP-to-ENI mode, `MULTI_BINDED` ([AME]). */
  multiEipToEniMode: 'https://www.alibabacloud.com/help/en/elastic-ip-address/latest/associate-eips-with-secondary-enis-in-multi-eip-to-eni-mode',
  /** VPC API AssociateHaVip ([AHV]). */
  associateHaVip: 'https://www.alibabacloud.com/help/en/vpc/api-associatehavip',
  /** ROS ALIYUN::VPC::HaVipAssociation ([ROSHV]). */
  rosHaVipAssociation: 'https://www.alibabacloud.com/help/en/ros/developer-reference/aliyun-vpc-havipassociation',
  /** Terraform `alicloud_eip_association`: the valid `instance_type` values. */
  eipAssociationResource: 'https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs/resources/eip_association',
  /** Terraform `alicloud_havip`: `ip_address` is an address of the HaVip's vSwitch. */
  havipResource: 'https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs/resources/havip',
  /** Terraform `alicloud_nat_gateway`: `nat_type`, `vswitch_id`, `eip_bind_mode`. */
  natGatewayResource: 'https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs/resources/nat_gateway',
  /** Terraform `alicloud_snat_entry`: `source_cidr` conflicts with `source_vswitch_id`. */
  snatEntryResource: 'https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs/resources/snat_entry',
  /** Terraform `alicloud_ecs_network_interface`. */
  ecsNetworkInterfaceResource: 'https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs/resources/ecs_network_interface',
  /** Terraform `alicloud_security_group_rule`: `ip_protocol`, `port_range`, `nic_type` and the peer fields. */
  securityGroupRuleResource: 'https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs/resources/security_group_rule',
  /** ECS "Overview of ENIs": secondary ENIs in the instance's VPC and zone, for network classification and isolation. */
  eniOverview: 'https://www.alibabacloud.com/help/en/ecs/user-guide/eni-overview',
  /** ECS "Configure routes for ENIs": policy-based routes so that replies leave by the ENI the request came in on. */
  eniRouting: 'https://www.alibabacloud.com/help/en/ecs/user-guide/configure-nic-routing',
} as const;
