import { KeepalivedNode } from './keepalived-node';
import {
  FIFO_READER_PATH, HELD_MARKER_PATH, NOTIFY_LOCK_PATH, NOTIFY_SCRIPT_PATH, VRRP_STATE_PATH,
} from './keepalived-paths';
import { primaryDeviceLookup } from './primary-device-lookup';
import { TakeoverShell } from './vip-takeover';

/** The VRRP states the notify script acts on (STOP: keepalived is shutting down). */
export const NOTIFY_STATES = ['MASTER', 'BACKUP', 'FAULT', 'STOP'];
/** The notify script's argument for the periodic ownership check. */
export const CHECK_ACTION = 'CHECK';

const scriptName = NOTIFY_SCRIPT_PATH.slice(NOTIFY_SCRIPT_PATH.lastIndexOf('/') + 1);

/**
 * The notify script of one node, whatever the cloud: MASTER adds the virtual IP on the device and
 * runs the cloud's `take_over`; BACKUP, FAULT and STOP drop it locally (the new MASTER takes it over
 * in the network); CHECK, while the last state received is MASTER, puts it back on the device if
 * it went missing and runs `take_over` again when `delivered_here` says the network delivers it
 * elsewhere: a node that was MASTER for a moment may have moved it, and the MASTER's own takeover
 * may have failed. When both nodes are MASTER (VRRP adverts lost between them, both reaching the
 * cloud's API), the node with the lower priority re-asserts only until it has held the address
 * once, then leaves it to the other node: without that they would take it from each other at
 * every check.
 */
export function renderNotifyScript(node: KeepalivedNode, cloud: TakeoverShell): string {
  const interval = node.ownershipCheckIntervalSeconds;
  const release = NOTIFY_STATES.filter((state) => state !== 'MASTER');
  return [
    '#!/bin/bash',
    `# Notify script of VirtualIpPair "${node.pairName}", ${node.nodeName} node (written by cdktf-nic-patterns).`,
    `# ${FIFO_READER_PATH} runs it for each VRRP state keepalived reports, one at a time and in order`,
    `# (${scriptName} ${NOTIFY_STATES.join('|')}), and as \`${scriptName} ${CHECK_ACTION}\` every ${interval} s while MASTER.`,
    '# MASTER adds the virtual IP on the device and takes it over in the network; the other states drop',
    '# it locally. CHECK takes it over again when the network delivers it elsewhere.',
    ...cloud.description.map((line) => `# ${line}`),
    'set -uo pipefail',
    'ACTION="$*"',
    `VIP="${node.virtualIp}"`,
    `VIP_PREFIX="${node.virtualIpPrefixLength}"`,
    `OWN_ADDRESS="${node.ownAddress}"`,
    '# Whether this node has the higher priority, the one that keeps the virtual IP when both are MASTER.',
    `PREFERRED_HOLDER=${node.initiallyMaster ? 'yes' : 'no'}`,
    `STATE_FILE=${VRRP_STATE_PATH}`,
    `HELD_FILE=${HELD_MARKER_PATH}`,
    '',
    'log() { logger -t vip-notify "$ACTION: $*"; }',
    '# Retries what one call may fail on: a dropped connection, an expired token, a permission still',
    '# propagating. The command\'s output goes on (fd 3); its error message goes to the log.',
    'retry() {',
    '  local attempt error',
    '  for attempt in 1 2 3 4 5; do',
    '    if error=$("$@" 2>&1 >&3); then return 0; fi',
    '    log "attempt $attempt failed: $*: $(tr \'\\n\' \' \' <<<"$error")"',
    '    if [ "$attempt" -lt 5 ]; then sleep "$attempt"; fi',
    '  done 3>&1',
    '  log "gave up: $*"',
    '  return 1',
    '}',
    '',
    ...cloud.lines,
    '',
    '# One action at a time, also when the script is run by hand next to the FIFO reader.',
    `exec 9>${NOTIFY_LOCK_PATH}`,
    'flock 9',
    `DEV=$(${primaryDeviceLookup('$OWN_ADDRESS')})`,
    'if [ -z "$DEV" ]; then',
    '  log "no device holds $OWN_ADDRESS"',
    '  exit 1',
    'fi',
    'status=0',
    'case "$ACTION" in',
    '  MASTER)',
    '    ip address replace "$VIP/$VIP_PREFIX" dev "$DEV" || status=1',
    '    if take_over; then',
    '      touch "$HELD_FILE"',
    '      log "took $VIP"',
    '    else',
    '      status=1',
    `      log "holds $VIP on $DEV, but the network may deliver it elsewhere: ${CHECK_ACTION} tries again within ${interval} s"`,
    '    fi',
    '    ;;',
    `  ${CHECK_ACTION})`,
    '    # Only the MASTER re-asserts; the state is the last one the FIFO reader received.',
    '    [ "$(cat "$STATE_FILE" 2>/dev/null)" = MASTER ] || exit 0',
    '    if ! ip -o -4 address show dev "$DEV" | grep -qF " $VIP/"; then',
    '      log "$VIP was missing on $DEV: adding it again"',
    '      ip address replace "$VIP/$VIP_PREFIX" dev "$DEV" || status=1',
    '    fi',
    '    delivered_here',
    '    case $? in',
    '      0)',
    '        touch "$HELD_FILE"',
    '        ;;',
    '      1)',
    '        if [ "$PREFERRED_HOLDER" = no ] && [ -e "$HELD_FILE" ]; then',
    '          log "the node with the higher priority took $VIP back while both are MASTER (VRRP adverts lost between them): leaving it there"',
    '        elif take_over; then',
    '          touch "$HELD_FILE"',
    '          log "took $VIP back"',
    '        else',
    '          status=1',
    '        fi',
    '        ;;',
    '      *)',
    `        log "cannot tell where the network delivers $VIP; checking again in ${interval} s"`,
    '        status=1',
    '        ;;',
    '    esac',
    '    ;;',
    `  ${release.join('|')})`,
    '    rm -f "$HELD_FILE"',
    '    ip address del "$VIP/$VIP_PREFIX" dev "$DEV" 2>/dev/null || true',
    '    log "released $VIP locally"',
    '    ;;',
    '  *)',
    `    log "unknown action: expected ${[...NOTIFY_STATES, CHECK_ACTION].join(', ')}"`,
    '    status=2',
    '    ;;',
    'esac',
    'exit "$status"',
    '',
  ].join('\n');
}
