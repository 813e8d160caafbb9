import { KeepalivedNode } from './keepalived-node';
import {
  FIFO_READER_PATH, KEEPALIVED_CONFIG_PATH, NOTIFY_FIFO_PATH, NOTIFY_SCRIPT_PATH,
} from './keepalived-paths';
import { primaryDeviceLookup } from './primary-device-lookup';
import { renderNotifyScript } from './vip-notify-script';
import { VipTakeover } from './vip-takeover';
import { renderFifoReader } from './vrrp-fifo-reader';
import { writeFileLines } from './write-file';

/**
 * Stands for the device name of the node's primary address in keepalived.conf until the instance
 * runs: it depends on the image and the machine type (`eth0`, `ens5`), so the user data fills it in.
 */
const PRIMARY_DEVICE_PLACEHOLDER = '@PRIMARY_DEVICE@';

/**
 * keepalived.conf of one node: one unicast VRRP instance. When the cloud takes the virtual IP over
 * through its API, keepalived writes its VRRP events to a FIFO read by one script, which runs the
 * notify script for each in turn and owns the virtual IP, so that adding it on the device and
 * moving it in the cloud happen in one place and in the order of the events; otherwise keepalived
 * adds it, and its gratuitous ARP is all the network needs.
 */
export function renderKeepalivedConfig(node: KeepalivedNode, takeover: VipTakeover): string {
  const auth = node.authPassword === undefined ? [] : [
    '    authentication {',
    '        auth_type PASS',
    `        auth_pass ${node.authPassword}`,
    '    }',
  ];
  const notifies = takeover.takeoverShell(node) !== undefined;
  const fifo = notifies ? [
    // Ordered delivery: keepalived writes every event to the FIFO; separate notify_* scripts could
    // run in either order when two transitions follow closely.
    `    vrrp_notify_fifo ${NOTIFY_FIFO_PATH}`,
    `    vrrp_notify_fifo_script ${FIFO_READER_PATH}`,
  ] : [];
  const virtualIp = notifies ? [] : ['    virtual_ipaddress {', `        ${node.virtualIp}/${node.virtualIpPrefixLength}`, '    }'];
  return [
    `# keepalived of VirtualIpPair "${node.pairName}", ${node.nodeName} node (written by cdktf-nic-patterns).`,
    ...takeover.configComment.map((line) => `# ${line}`),
    'global_defs {',
    `    router_id ${node.pairName}-${node.nodeName}`,
    '    enable_script_security',
    '    script_user root',
    ...fifo,
    '}',
    '',
    `vrrp_instance ${node.pairName} {`,
    // The higher priority wins the election whatever this says (keepalived 2 starts an instance
    // whose priority is below 255 as BACKUP); it records which node is meant to hold the address.
    `    state ${node.initiallyMaster ? 'MASTER' : 'BACKUP'}`,
    `    interface ${PRIMARY_DEVICE_PLACEHOLDER}`,
    `    virtual_router_id ${node.virtualRouterId}`,
    `    priority ${node.priority}`,
    `    advert_int ${node.advertisementIntervalSeconds}`,
    `    unicast_src_ip ${node.ownAddress}`,
    '    unicast_peer {',
    `        ${node.peerAddress}`,
    '    }',
    ...auth,
    ...virtualIp,
    '}',
    '',
  ].join('\n');
}

/**
 * Shell lines, for a user data that has installed keepalived, that write the notify script and
 * its FIFO reader (when the cloud needs them) and keepalived.conf, fill in the device name and
 * start keepalived, which elects the node with the higher priority as MASTER.
 */
export function keepalivedSetupLines(node: KeepalivedNode, takeover: VipTakeover): string[] {
  const cloud = takeover.takeoverShell(node);
  const scripts = cloud === undefined ? [] : [
    ...writeFileLines(NOTIFY_SCRIPT_PATH, renderNotifyScript(node, cloud), '0700'),
    ...writeFileLines(FIFO_READER_PATH, renderFifoReader(node), '0700'),
  ];
  return [
    ...scripts,
    ...writeFileLines(KEEPALIVED_CONFIG_PATH, renderKeepalivedConfig(node, takeover), '0640'),
    `DEV=$(${primaryDeviceLookup(node.ownAddress)})`,
    `sed -i "s/${PRIMARY_DEVICE_PLACEHOLDER}/$DEV/" ${KEEPALIVED_CONFIG_PATH}`,
    'systemctl enable keepalived',
    'systemctl restart keepalived',
  ];
}
