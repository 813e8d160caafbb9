/**
 * NHN Cloud documentation pages the NHN Cloud rules and constructs cite (data/provider-schemas/constraints.md,
 * section B, names each source; the provider pages are those of nhn-cloud/nhncloud 1.0.7, the schema the rules read).
 */
export const NhnDocUrl = {
  /** Network Interface console guide (seed 000 is its Japanese edition): virtual IPs, security, allowed addresses. */
  networkInterface: 'https://docs.nhncloud.com/en/Network/Network%20Interface/en/console-guide/',
  /** Floating IP console guide: one-to-one association, routing table with an internet gateway, policy routing. */
  floatingIp: 'https://docs.nhncloud.com/en/Network/Floating%20IP/en/console-guide/',
  /** VPC OpenStack-compatible API guide: port security, allowed address pairs, `device_id` of a virtual IP. */
  vpcApi: 'https://docs.nhncloud.com/en/Network/VPC/en/public-api-compat/',
  /** Compute Instance Terraform guide: security groups are not applied to an existing port. */
  instanceTerraform: 'https://docs.nhncloud.com/en/Compute/Instance/en/terraform-guide/',
  /** Network release notes: "Source/Destination Check" renamed "Anti-Spoofing", allowed addresses in the console. */
  networkReleaseNotes: 'https://docs.nhncloud.com/en/Network/Network/en/release-notes/',
  /** Terraform `nhncloud_networking_port_v2`. */
  portResource: 'https://registry.terraform.io/providers/nhn-cloud/nhncloud/1.0.7/docs/resources/networking_port_v2',
  /** Terraform `nhncloud_compute_instance_v2`. */
  instanceResource: 'https://registry.terraform.io/providers/nhn-cloud/nhncloud/1.0.7/docs/resources/compute_instance_v2',
  /** Terraform `nhncloud_compute_interface_attach_v2`. */
  interfaceAttachResource: 'https://registry.terraform.io/providers/nhn-cloud/nhncloud/1.0.7/docs/resources/compute_interface_attach_v2',
  /** Terraform `nhncloud_networking_floatingip_associate_v2`. */
  floatingIpAssociateResource: 'https://registry.terraform.io/providers/nhn-cloud/nhncloud/1.0.7/docs/resources/networking_floatingip_associate_v2',
  /** Terraform `nhncloud_networking_secgroup_rule_v2`. */
  securityGroupRuleResource: 'https://registry.terraform.io/providers/nhn-cloud/nhncloud/1.0.7/docs/resources/networking_secgroup_rule_v2',
} as const;
