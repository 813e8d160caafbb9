import { KeepalivedNode } from './keepalived-node';
import { NOTIFY_SCRIPT_PATH, VRRP_STATE_PATH } from './keepalived-paths';
import { CHECK_ACTION, NOTIFY_STATES } from './vip-notify-script';

/**
 * Seconds one notify run may take before the reader stops it: a run that hangs (an API out of
 * reach) must not hold up the lines queued behind it. The five attempts of a call, with their
 * pauses, fit in it; the next ownership check picks up whatever a stopped run left undone.
 */
const NOTIFY_TIMEOUT_SECONDS = 120;

/**
 * The script keepalived starts (`vrrp_notify_fifo_script`) to read its VRRP notify FIFO. It runs
 * the notify script for one line at a time, in the order keepalived wrote them: separate
 * `notify_master` and `notify_backup` scripts may run in either order when two transitions follow
 * closely, and whichever finished last would decide where the virtual IP ends up. It records the
 * state for the notify script's ownership check, which it runs every
 * `ownershipCheckIntervalSeconds` while the state is MASTER, and at once when keepalived reports
 * that a node with a lower priority claims MASTER (`MASTER_RX_LOWER_PRI`): that node may have
 * taken the virtual IP over in the network.
 */
export function renderFifoReader(node: KeepalivedNode): string {
  return [
    '#!/bin/bash',
    `# VRRP notify FIFO reader of VirtualIpPair "${node.pairName}", ${node.nodeName} node (written by cdktf-nic-patterns).`,
    '# keepalived starts it with the FIFO as its last argument, writes one line per event to the FIFO',
    `# (INSTANCE "${node.pairName}" MASTER ${node.priority}) and sends it SIGTERM when it stops or reloads. Each line runs the`,
    '# notify script once, in the order keepalived wrote them; the state is kept for its ownership check.',
    'set -uo pipefail',
    '# The FIFO is the last argument.',
    'for FIFO; do :; done',
    `NOTIFY=${NOTIFY_SCRIPT_PATH}`,
    `STATE_FILE=${VRRP_STATE_PATH}`,
    `CHECK_INTERVAL=${node.ownershipCheckIntervalSeconds}`,
    `NOTIFY_TIMEOUT=${NOTIFY_TIMEOUT_SECONDS}`,
    '',
    'log() { logger -t vip-notify-fifo "$*"; }',
    'notify() {',
    '  timeout -k 5 "$NOTIFY_TIMEOUT" "$NOTIFY" "$1" 3<&-',
    '  local status=$?',
    '  if [ "$status" -ne 0 ]; then log "$NOTIFY $1 exited with status $status"; fi',
    '}',
    '',
    'stopping=no',
    'trap \'stopping=yes\' TERM',
    'exec 3<"$FIFO" || exit 1',
    '# A reload restarts this reader without repeating the current state: the file keeps it.',
    'state=$(cat "$STATE_FILE" 2>/dev/null) || state=UNKNOWN',
    'next_check=$((SECONDS + CHECK_INTERVAL))',
    'while :; do',
    '  if [ "$stopping" = no ] && [ "$SECONDS" -ge "$next_check" ]; then',
    `    if [ "$state" = MASTER ]; then notify ${CHECK_ACTION}; fi`,
    '    next_check=$((SECONDS + CHECK_INTERVAL))',
    '  fi',
    '  # After SIGTERM keepalived still writes the STOP lines: read on until a second passes without one.',
    '  draining=$stopping',
    '  if [ "$draining" = yes ]; then wait_for=1; else wait_for=$((next_check - SECONDS)); fi',
    '  read -r -t "$wait_for" -u 3 kind name event _',
    '  status=$?',
    '  if [ "$status" -eq 0 ]; then',
    '    [ "$kind" = INSTANCE ] || continue',
    '    case "$event" in',
    `      ${NOTIFY_STATES.join('|')})`,
    '        state=$event',
    '        echo "$state" > "$STATE_FILE.new" && mv -f "$STATE_FILE.new" "$STATE_FILE"',
    '        notify "$state"',
    '        ;;',
    '      MASTER_RX_LOWER_PRI)',
    '        log "a node with a lower priority claims MASTER of $name: checking the virtual IP now"',
    `        notify ${CHECK_ACTION}`,
    '        next_check=$((SECONDS + CHECK_INTERVAL))',
    '        ;;',
    '    esac',
    '  elif [ "$status" -le 128 ] || [ "$draining" = yes ]; then',
    '    # End of the FIFO (keepalived closed it: it stops or reloads), or nothing more after SIGTERM.',
    '    exit 0',
    '  fi',
    'done',
    '',
  ].join('\n');
}
