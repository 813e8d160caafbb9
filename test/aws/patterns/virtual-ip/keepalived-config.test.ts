import { ACTIVE, ACTIVE_WITH_EIP, OVERLAY, STANDBY } from './keepalived-nodes';
import { Ec2VipTakeover } from '../../../../lib/aws/patterns/virtual-ip/ec2-vip-takeover';
import { keepalivedUserData } from '../../../../lib/aws/patterns/virtual-ip/keepalived-config';
import { renderKeepalivedConfig } from '../../../../lib/os/keepalived-config';
import { renderNotifyScript } from '../../../../lib/os/vip-notify-script';
import { renderFifoReader } from '../../../../lib/os/vrrp-fifo-reader';
import { bashSyntax } from '../../../os/bash-syntax';
import { describeWithBash, ShellSandbox } from '../../../os/shell-sandbox';

const MEMBER_SCRIPT = '#!/usr/bin/env python3\nprint("the service behind the virtual IP")\n';

describe('keepalivedUserData', () => {
  test.each([ACTIVE, STANDBY, OVERLAY])('installs keepalived, writes the notify script, its FIFO reader and the config, and starts it ($nodeName, $mode)', (node) => {
    const userData = keepalivedUserData(node);
    const takeover = new Ec2VipTakeover(node);
    expect(userData.startsWith('#!/bin/bash\n')).toBe(true);
    expect(userData).toContain('dnf install -y keepalived awscli-2');
    expect(userData).toContain('apt-get install -y keepalived curl');
    expect(userData).toContain(renderNotifyScript(node, takeover.takeoverShell()).trimEnd());
    expect(userData).toContain(renderFifoReader(node).trimEnd());
    expect(userData).toContain(renderKeepalivedConfig(node, takeover));
    expect(userData).toContain('chmod 0700 /etc/keepalived/vip-notify.sh\n');
    expect(userData).toContain('chmod 0700 /etc/keepalived/vip-notify-fifo.sh\n');
    // The device name is looked up by the node's own primary address once the instance runs.
    expect(userData).toContain(`awk -v ip="${node.ownAddress}"`);
    expect(userData).toContain('sed -i "s/@PRIMARY_DEVICE@/$DEV/" /etc/keepalived/keepalived.conf');
    expect(userData.trimEnd().endsWith('systemctl restart keepalived')).toBe(true);
    expect(userData).not.toContain('/var/lib/virtual-ip-pair');
    expect(bashSyntax(userData)).toEqual({ status: 0, stderr: '' });
  });

  test.each([ACTIVE_WITH_EIP, OVERLAY])('holds no Terraform template sequence of its own ($mode)', (node) => {
    // Terraform would read "${" and "%{" in user_data as its own interpolation and directives.
    const userData = keepalivedUserData({ ...node, authPassword: 'pw' }, MEMBER_SCRIPT);
    expect(userData).not.toMatch(/[$%]\{/);
  });

  test('GIVEN a node\'s own user data WHEN the user data is rendered THEN it is written as its own program and run first, before any package is installed', () => {
    // WHEN
    const userData = keepalivedUserData(ACTIVE, MEMBER_SCRIPT);
    // THEN
    expect(userData).toContain([
      'set -euo pipefail',
      '# The active node\'s own user data, run to completion before keepalived can take the virtual IP.',
      'mkdir -p /var/lib/virtual-ip-pair',
      'cat > /var/lib/virtual-ip-pair/user-data <<\'END_OF_SECONDARY_INTERFACE_ROUTING\'',
      '#!/usr/bin/env python3',
      'print("the service behind the virtual IP")',
      'END_OF_SECONDARY_INTERFACE_ROUTING',
      'chmod 0700 /var/lib/virtual-ip-pair/user-data',
      '/var/lib/virtual-ip-pair/user-data',
      'if command -v dnf >/dev/null; then',
    ].join('\n'));
    expect(bashSyntax(userData)).toEqual({ status: 0, stderr: '' });
  });
});

describeWithBash('keepalivedUserData, run with bash', () => {
  let box: ShellSandbox;
  beforeEach(() => {
    box = new ShellSandbox('vip-user-data');
    // Stubs for what the user data calls; each records its call.
    for (const command of ['dnf', 'systemctl']) box.stub(command, `echo "${command} $*" >> ${box.path('calls')}`);
    box.stub('ip', 'echo "2: ens5    inet 10.0.1.10/24 scope global ens5"');
  });
  afterEach(() => box.dispose());

  /** Runs the user data, its absolute paths moved into the sandbox. */
  function run(memberScript: string) {
    const userData = keepalivedUserData(ACTIVE, memberScript)
      .split('/var/lib/virtual-ip-pair').join(box.path('member'))
      .split('/etc/keepalived').join(box.path('etc'));
    return box.run('"$@"', [box.script('user-data', userData)]);
  }

  test('GIVEN a node\'s own script WHEN the user data runs THEN the script runs before the packages are installed and keepalived starts', () => {
    const result = run(`#!/bin/sh\necho "member $0" >> ${box.path('calls')}\n`);
    expect(result.status).toBe(0);
    const calls = box.lines('calls').map((c) => c.split(' ')[0]);
    expect(calls.indexOf('member')).toBeGreaterThanOrEqual(0);
    expect(calls.indexOf('member')).toBeLessThan(calls.indexOf('dnf'));
    expect(calls.indexOf('dnf')).toBeLessThan(calls.indexOf('systemctl'));
  });

  test('fails when the node\'s own script fails: the user data stops there, keepalived is neither installed nor started', () => {
    const result = run('#!/bin/sh\nexit 7\n');
    expect(result.status).toBe(7);
    expect(box.lines('calls').filter((c) => c.startsWith('dnf') || c.startsWith('systemctl'))).toEqual([]);
  });
});
