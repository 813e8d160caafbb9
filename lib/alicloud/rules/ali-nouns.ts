/** Short nouns used in messages, so that they read `eni "web/mgmt"` rather than a Terraform type. */
export const ALI_NOUNS: Readonly<Record<string, string>> = {
  alicloud_instance: 'instance',
  alicloud_ecs_network_interface: 'eni',
  alicloud_network_interface: 'eni',
  alicloud_ecs_network_interface_attachment: 'eni attachment',
  alicloud_network_interface_attachment: 'eni attachment',
  alicloud_eip_address: 'eip',
  alicloud_eip: 'eip',
  alicloud_eip_association: 'eip association',
  alicloud_havip: 'havip',
  alicloud_vpc_ha_vip: 'havip',
  alicloud_havip_attachment: 'havip attachment',
  alicloud_nat_gateway: 'nat gateway',
  alicloud_security_group: 'security group',
  alicloud_security_group_rule: 'security group rule',
  alicloud_vswitch: 'vswitch',
  alicloud_vpc: 'vpc',
};
