import { KeepalivedNode } from './keepalived-node';
import { primaryDeviceLookup } from './primary-device-lookup';
import { VipTakeover } from './vip-takeover';
import { writeFileLines } from './write-file';

/** keepalived's default configuration file, the same in every distribution's package. */
export const KEEPALIVED_CONFIG_PATH = '/etc/keepalived/keepalived.conf';
/** The script keepalived runs on every VRRP state change, when the cloud needs one. */
export const NOTIFY_SCRIPT_PATH = '/etc/keepalived/vip-notify.sh';
/**
 * Stands for the device name of the node's primary address in keepalived.conf until the instance
 * runs: it depends on the image and the machine type (`eth0`, `ens5`), so the user data fills it in.
 */
export const PRIMARY_DEVICE_PLACEHOLDER = '@PRIMARY_DEVICE@';

/** The VRRP states whose transitions run the notify script (STOP: keepalived is shutting down). */
export const NOTIFY_STATES = ['MASTER', 'BACKUP', 'FAULT', 'STOP'];

/**
 * keepalived.conf of one node: one unicast VRRP instance. With a notify script the script owns the
 * virtual IP, so that adding it on the device and moving it in the cloud happen in one place;
 * without one keepalived adds it, and its gratuitous ARP is all the network needs.
 */
export function renderKeepalivedConfig(node: KeepalivedNode, takeover: VipTakeover): string {
  const auth = node.authPassword === undefined ? [] : [
    '    authentication {',
    '        auth_type PASS',
    `        auth_pass ${node.authPassword}`,
    '    }',
  ];
  const virtualIp = takeover.notifyScript(node) === undefined
    ? ['    virtual_ipaddress {', `        ${node.virtualIp}/${node.virtualIpPrefixLength}`, '    }']
    : NOTIFY_STATES.map((state) => `    notify_${state.toLowerCase()} "${NOTIFY_SCRIPT_PATH} ${state}"`);
  return [
    `# keepalived of VirtualIpPair "${node.pairName}", ${node.nodeName} node (written by cdktf-nic-patterns).`,
    ...takeover.configComment.map((line) => `# ${line}`),
    'global_defs {',
    `    router_id ${node.pairName}-${node.nodeName}`,
    '    enable_script_security',
    '    script_user root',
    '}',
    '',
    `vrrp_instance ${node.pairName} {`,
    // The higher priority wins the election anyway; the initial state only avoids a needless
    // BACKUP-to-MASTER transition at boot on the node that already holds the virtual IP.
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
 * Shell lines, for a user data that has installed keepalived, that write the notify script (when
 * the cloud needs one) and keepalived.conf, fill in the device name and start keepalived, which
 * elects the node with the higher priority as MASTER.
 */
export function keepalivedSetupLines(node: KeepalivedNode, takeover: VipTakeover): string[] {
  const notifyScript = takeover.notifyScript(node);
  return [
    ...(notifyScript === undefined ? [] : writeFileLines(NOTIFY_SCRIPT_PATH, notifyScript, '0700')),
    ...writeFileLines(KEEPALIVED_CONFIG_PATH, renderKeepalivedConfig(node, takeover), '0640'),
    `DEV=$(${primaryDeviceLookup(node.ownAddress)})`,
    `sed -i "s/${PRIMARY_DEVICE_PLACEHOLDER}/$DEV/" ${KEEPALIVED_CONFIG_PATH}`,
    'systemctl enable keepalived',
    'systemctl restart keepalived',
  ];
}
