// Where a keepalived pair's files live on each node. The runtime files are under /run, which starts
// empty at every boot, as keepalived does: no state from before a reboot can mislead the node.

/** keepalived's default configuration file, the same in every distribution's package. */
export const KEEPALIVED_CONFIG_PATH = '/etc/keepalived/keepalived.conf';
/** The script that acts on each VRRP state and on the periodic ownership check. */
export const NOTIFY_SCRIPT_PATH = '/etc/keepalived/vip-notify.sh';
/** The script keepalived starts to read its VRRP notify FIFO. */
export const FIFO_READER_PATH = '/etc/keepalived/vip-notify-fifo.sh';
/** Common start of the runtime files' paths; tests swap it for a scratch folder. */
export const RUNTIME_PATH_PREFIX = '/run/keepalived-vip';
/** The FIFO keepalived writes its VRRP events to. */
export const NOTIFY_FIFO_PATH = `${RUNTIME_PATH_PREFIX}.fifo`;
/** The last VRRP state the FIFO reader received (`MASTER`, `BACKUP`, `FAULT`, `STOP`). */
export const VRRP_STATE_PATH = `${RUNTIME_PATH_PREFIX}.state`;
/** Present while this node, as MASTER, has had the virtual IP delivered to it by the network. */
export const HELD_MARKER_PATH = `${RUNTIME_PATH_PREFIX}.held`;
/** Serializes the notify script's runs (the FIFO reader's and any run by hand). */
export const NOTIFY_LOCK_PATH = `${RUNTIME_PATH_PREFIX}.lock`;
