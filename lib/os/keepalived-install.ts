/**
 * Shell lines that install keepalived from the image's own repositories: dnf or yum (Rocky, CentOS,
 * Alibaba Cloud Linux and the like) or apt (Ubuntu, Debian); any other distribution stops the
 * user data, so that node never takes the virtual IP.
 */
export const KEEPALIVED_INSTALL_LINES: readonly string[] = [
  'if command -v dnf >/dev/null; then',
  '  dnf install -y keepalived',
  'elif command -v yum >/dev/null; then',
  '  yum install -y keepalived',
  'elif command -v apt-get >/dev/null; then',
  '  apt-get update',
  '  DEBIAN_FRONTEND=noninteractive apt-get install -y keepalived',
  'else',
  '  echo "unsupported distribution: install keepalived" >&2',
  '  exit 1',
  'fi',
];
