/** Where AL2023 documents that amazon-ec2-net-utils installs the policy routing itself. */
export const AL2023_NETWORKING_DOC_URL = 'https://docs.aws.amazon.com/linux/al2023/ug/networking-service.html';

/**
 * The user data fragment for Amazon Linux 2023: only a comment, because amazon-ec2-net-utils
 * already configures every interface, including those attached after boot, with its secondary
 * IPv4 addresses, a route table and source rules.
 */
export function amazonLinux2023UserData(): string {
  return [
    '# Policy routing for secondary network interfaces: nothing to do on Amazon Linux 2023.',
    '# amazon-ec2-net-utils configures every interface when it is attached (hot and warm attach',
    '# included) with its secondary IPv4 addresses, its own route table and source rules.',
    `# See ${AL2023_NETWORKING_DOC_URL}`,
  ].join('\n');
}
