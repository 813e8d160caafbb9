import { ACTIVE, OVERLAY, STANDBY } from './keepalived-nodes';
import { Ec2VipTakeover } from '../../../../lib/aws/patterns/virtual-ip/ec2-vip-takeover';
import { keepalivedUserData } from '../../../../lib/aws/patterns/virtual-ip/keepalived-config';
import { renderKeepalivedConfig } from '../../../../lib/os/keepalived-config';
import { bashSyntax } from '../../../os/bash-syntax';

describe('keepalivedUserData', () => {
  test.each([ACTIVE, STANDBY, OVERLAY])('installs keepalived, writes both files and starts it ($nodeName, $mode)', (node) => {
    const userData = keepalivedUserData(node);
    const takeover = new Ec2VipTakeover(node);
    expect(userData.startsWith('#!/bin/bash\n')).toBe(true);
    expect(userData).toContain('dnf install -y keepalived awscli-2');
    expect(userData).toContain('apt-get install -y keepalived curl');
    expect(userData).toContain(takeover.notifyScript(node));
    expect(userData).toContain(renderKeepalivedConfig(node, takeover));
    expect(userData).toContain('chmod 0700 /etc/keepalived/vip-notify.sh');
    // The device name is looked up by the node's own primary address once the instance runs.
    expect(userData).toContain(`awk -v ip="${node.ownAddress}"`);
    expect(userData).toContain('sed -i "s/@PRIMARY_DEVICE@/$DEV/" /etc/keepalived/keepalived.conf');
    expect(userData.trimEnd().endsWith('systemctl restart keepalived')).toBe(true);
    expect(bashSyntax(userData)).toEqual({ status: 0, stderr: '' });
  });

  test.each([ACTIVE, OVERLAY])('holds no Terraform template sequence of its own ($mode)', (node) => {
    // Terraform would read "${" and "%{" in user_data as its own interpolation and directives.
    const userData = keepalivedUserData({ ...node, authPassword: 'pw', elasticIpAllocationId: 'eipalloc-1' });
    expect(userData).not.toMatch(/[$%]\{/);
  });
});
