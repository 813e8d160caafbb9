/** Short nouns used in messages, so that they read `eni "web/mgmt"` rather than a Terraform type. */
export const AWS_NOUNS: Readonly<Record<string, string>> = {
  aws_instance: 'instance',
  aws_launch_template: 'launch template',
  aws_network_interface: 'eni',
  aws_network_interface_attachment: 'attachment',
  aws_network_interface_sg_attachment: 'security group attachment',
  aws_eip: 'eip',
  aws_eip_association: 'eip association',
  aws_route: 'route',
  aws_route_table: 'route table',
  aws_subnet: 'subnet',
  aws_vpc: 'vpc',
  aws_security_group: 'security group',
  aws_security_group_rule: 'security group rule',
  aws_vpc_security_group_ingress_rule: 'ingress rule',
};
