/** Short nouns used in messages, so that they read `port "web/vip"` rather than a Terraform type. */
export const NHN_NOUNS: Readonly<Record<string, string>> = {
  nhncloud_compute_instance_v2: 'instance',
  nhncloud_compute_interface_attach_v2: 'interface attachment',
  nhncloud_compute_floatingip_associate_v2: 'floating ip association',
  nhncloud_networking_port_v2: 'port',
  nhncloud_networking_port_secgroup_associate_v2: 'port security groups',
  nhncloud_networking_floatingip_v2: 'floating ip',
  nhncloud_networking_floatingip_associate_v2: 'floating ip association',
  nhncloud_networking_vpc_v2: 'vpc',
  nhncloud_networking_vpcsubnet_v2: 'subnet',
  nhncloud_networking_routingtable_v2: 'routing table',
  nhncloud_networking_routingtable_attach_gateway_v2: 'gateway attachment',
  nhncloud_networking_secgroup_v2: 'security group',
  nhncloud_networking_secgroup_rule_v2: 'security group rule',
};
