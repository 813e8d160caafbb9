/**
 * Failover agent: the AWS Lambda function (Node.js 20, AWS SDK for JavaScript v3) that moves a network
 * interface from a failed instance to its hot standby, the AWS guide's "low-budget high availability"
 * scenario: the interface keeps its private IPs, Elastic IP and MAC address, so traffic follows it with
 * no route table or DNS change. Bundled by `scripts/bundle-failover-agent.ts` (`npx projen bundle:agent`)
 * into `assets/failover-agent/index.js`, deployed by the `FailoverAgent` construct (`index.handler`).
 *
 * CONTRACT (the construct depends on it; change both together)
 *
 * Environment (checked at cold start: a missing or invalid variable throws a `ConfigError` listing all):
 *   NETWORK_INTERFACE_ID    eni-...      the interface to move (a secondary interface: a primary one cannot move)
 *   PRIMARY_INSTANCE_ID     i-...        the two members of the pair (must differ)
 *   STANDBY_INSTANCE_ID     i-...
 *   DEVICE_INDEX            integer >= 1 used when the interface is attached to nothing; otherwise the
 *                                        old attachment's device index is kept
 *   NETWORK_CARD_INDEX      integer >= 0 (default 0), same rule
 *   METRIC_NAMESPACE        default NicPatterns/Failover
 *   PAIR_NAME               metric dimension `Pair` and `pair` field of every log line
 *   ATTACH_TIMEOUT_SECONDS  integer >= 1 (default 120): bound of the wait for `available`, and again of
 *                                        the wait for `attached`
 *   READY_TIMEOUT_SECONDS   integer >= 0 (default 420): bound of the wait for the target to pass its status
 *                                        checks (Lambda timeout >= this + 2 x ATTACH_TIMEOUT_SECONDS + API time)
 *   COOLDOWN_SECONDS        integer >= 0 (default 600): no event-driven move within this time of the last
 *   MAX_EVENT_AGE_SECONDS   integer >= 1 (default 300): EC2 and alarm events older than this (by their
 *                                        `time`) are ignored
 *
 * Events:
 *   1. EventBridge "EC2 Instance State-change Notification" (source aws.ec2): detail.instance-id failed
 *      when detail.state is stopping | stopped | shutting-down | terminated; other states are ignored.
 *   2. EventBridge "CloudWatch Alarm State Change" (source aws.cloudwatch) with detail.state.value ALARM:
 *      the failed instance is the single `InstanceId` found in
 *      detail.configuration.metrics[].metricStat.metric.dimensions.
 *   3. Direct invocation (Terraform `aws_lambda_invocation`): { "action": "place", "side": "primary" | "standby" }
 *      = the interface must be on this member ({ "action": "place", "instanceId": "i-..." } also works, for
 *      a manual invocation). Ignores the cooldown and may move the interface off a healthy holder. With
 *      lifecycle_scope CRUD, the destroy call ({ "tf": { "action": "delete" } }) is ignored. A malformed
 *      request, an instance outside the pair, and a placement that gives up all throw (Terraform shows it).
 *   Anything else (and events about instances outside the pair, or too old) is logged and ignored, never an error.
 *
 * Result: { outcome: 'moved' | 'noop' | 'gave-up' | 'ignored', from?, to?, reason? }.
 *
 * Failover (events 1 and 2: failed instance F, target T = the other member; place: T = the named member):
 *   - interface attached/attaching to T: noop (idempotent: a rerun or a manual failover changes nothing);
 *     attached to an instance outside the pair: noop for events, failure for place;
 *     attached at device index 0 (a primary interface cannot be detached): gave-up.
 *   - events only: F must still hold the interface and still be failed when the agent decides (not
 *     running, or a status check impaired), else noop: a late, repeated or out-of-order event never
 *     moves the interface off a healthy holder. The last move (the later of the
 *     `nic-patterns:last-failover` tag and the attachment's AttachTime, which a just-written tag may
 *     not show yet) must be older than COOLDOWN_SECONDS, else gave-up: a pair never flaps.
 *   - T must be running with both status checks `ok`; while it is pending or initializing the agent
 *     polls for at most READY_TIMEOUT_SECONDS. Then, before anything is detached: T's type must take
 *     one more interface on the card (DescribeInstances, DescribeInstanceTypes), the old device index
 *     is used if free on T, else the lowest free one, and a DryRun attach must be authorized (T
 *     carries the pair tag). For events, the holder must still be failed right before the detach.
 *     Otherwise gave-up: error log line "failover gave up: <reason>" and metric FailoverGaveUp = 1.
 *   - move: DetachNetworkInterface (Force only when the holder's status checks are impaired: after a
 *     forced detach the instance may refuse that device index until stopped and started;
 *     IncorrectState, InvalidNetworkInterface.InUse and InvalidAttachmentID.NotFound mean "already
 *     detaching or detached": keep waiting); poll DescribeNetworkInterfaces (backoff 1, 2, 4, 5, 5... s)
 *     until `available`; AttachNetworkInterface to T at the old attachment's device and network card
 *     index, or, if EC2 refuses that index, at the lowest free index of that card
 *     (InvalidNetworkInterface.InUse with the interface on T means a lost answer: success); poll until `attached`
 *     to T; tag the interface nic-patterns:last-failover = ISO time (a tag failure is logged, the move
 *     still succeeds); metric FailoverSucceeded = 1.
 *   - attach refused: if the holder was healthy and detached gracefully (an operator's move), the
 *     interface goes back to it; the invocation throws either way, saying where the interface is.
 *   - an interface attached to nothing, or already detaching (an interrupted run, a terminated holder) is
 *     attached to T after the same checks of T, cooldown or not: a rerun completes a partial failover;
 *     a detach left hanging by an impaired member is forced first.
 *   - a timeout or an unexpected error: error log line "failover failed: ...", metric FailoverFailed = 1,
 *     and the invocation throws (Lambda retries an event once, within MAX_EVENT_AGE_SECONDS; the
 *     construct's alarm fires).
 *   Every EC2 call is retried on throttling, 5xx and network errors (capped exponential backoff, full
 *   jitter, 6 attempts); the SDK's own retries are off so that one policy applies.
 *
 * Metrics are CloudWatch embedded-metric-format log lines (namespace METRIC_NAMESPACE, dimension Pair):
 * no CloudWatch permission needed. Logs are JSON lines on stdout: time, level, msg, requestId, pair, fields.
 *
 * IAM used: ec2:DescribeNetworkInterfaces, ec2:DescribeInstanceStatus, ec2:DescribeInstances,
 * ec2:DescribeInstanceTypes, ec2:DetachNetworkInterface,
 * ec2:AttachNetworkInterface, ec2:CreateTags (key nic-patterns:last-failover only), logs for its own group.
 */
// The SDK is bundled into the agent by esbuild at package time: a devDependency, not one of the library's.
// eslint-disable-next-line import/no-extraneous-dependencies
import { EC2Client } from '@aws-sdk/client-ec2';
import { createAgent } from './agent';
import { systemClock } from './clock';
import { ConfigError, loadConfig } from './config';
import { stdoutLogger } from './log';

function coldStart() {
  try {
    const config = loadConfig(process.env);
    const logger = stdoutLogger(systemClock.now, { pair: config.pairName, networkInterfaceId: config.networkInterfaceId });
    // maxAttempts 1: the agent's own retry policy (retry.ts) is the only one, so attempts do not multiply.
    return createAgent(config, { ec2: new EC2Client({ maxAttempts: 1 }), clock: systemClock, logger });
  } catch (error) {
    if (error instanceof ConfigError) {
      stdoutLogger(systemClock.now).error(error.message, { problems: error.problems });
    }
    throw error;
  }
}

export const handler = coldStart();
