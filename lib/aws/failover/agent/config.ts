/** The agent's configuration, read once from the Lambda environment at cold start. */
export interface AgentConfig {
  readonly networkInterfaceId: string;
  readonly primaryInstanceId: string;
  readonly standbyInstanceId: string;
  /** Device index used when the interface is attached to nothing (else the old attachment's index is kept). */
  readonly deviceIndex: number;
  readonly networkCardIndex: number;
  readonly metricNamespace: string;
  readonly pairName: string;
  readonly attachTimeoutSeconds: number;
  readonly cooldownSeconds: number;
  /** Bound of the wait for the target to be running with passing status checks. */
  readonly readyTimeoutSeconds: number;
  /** Events older than this are dropped: the world they describe is gone. */
  readonly maxEventAgeSeconds: number;
}

export const DEFAULT_METRIC_NAMESPACE = 'NicPatterns/Failover';

/**
 * Defaults of the tunable variables, shared with the `FailoverAgent` construct so that the two never
 * disagree. The Lambda timeout must cover the readiness wait, the detach and the attach waits.
 */
export const AGENT_DEFAULTS = {
  attachTimeoutSeconds: 120,
  cooldownSeconds: 600,
  readyTimeoutSeconds: 420,
  maxEventAgeSeconds: 300,
} as const;

/** EC2 ids as the API writes them: the construct refuses at synth what the agent would refuse at cold start. */
export const ENI_ID = /^eni-[0-9a-f]{8,17}$/;
export const INSTANCE_ID = /^i-[0-9a-f]{8,17}$/;

/** Thrown at cold start; lists every problem at once so one deploy fixes them all. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`failover agent configuration is invalid: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** Reads and validates the environment; throws a `ConfigError` naming each missing or invalid variable. */
export function loadConfig(env: Env): AgentConfig {
  const problems: string[] = [];
  const reader = new EnvReader(env, problems);
  const config: AgentConfig = {
    networkInterfaceId: reader.id('NETWORK_INTERFACE_ID', ENI_ID, 'eni-0123456789abcdef0'),
    primaryInstanceId: reader.id('PRIMARY_INSTANCE_ID', INSTANCE_ID, 'i-0123456789abcdef0'),
    standbyInstanceId: reader.id('STANDBY_INSTANCE_ID', INSTANCE_ID, 'i-0123456789abcdef0'),
    // Device index 0 is the primary interface, which can never be detached (AWS ENI guide).
    deviceIndex: reader.integer('DEVICE_INDEX', { min: 1 }),
    networkCardIndex: reader.integer('NETWORK_CARD_INDEX', { min: 0, fallback: 0 }),
    metricNamespace: reader.text('METRIC_NAMESPACE', DEFAULT_METRIC_NAMESPACE),
    pairName: reader.text('PAIR_NAME'),
    attachTimeoutSeconds: reader.integer('ATTACH_TIMEOUT_SECONDS', { min: 1, fallback: AGENT_DEFAULTS.attachTimeoutSeconds }),
    cooldownSeconds: reader.integer('COOLDOWN_SECONDS', { min: 0, fallback: AGENT_DEFAULTS.cooldownSeconds }),
    readyTimeoutSeconds: reader.integer('READY_TIMEOUT_SECONDS', { min: 0, fallback: AGENT_DEFAULTS.readyTimeoutSeconds }),
    maxEventAgeSeconds: reader.integer('MAX_EVENT_AGE_SECONDS', { min: 1, fallback: AGENT_DEFAULTS.maxEventAgeSeconds }),
  };
  if (config.primaryInstanceId && config.primaryInstanceId === config.standbyInstanceId) {
    problems.push(`PRIMARY_INSTANCE_ID and STANDBY_INSTANCE_ID must differ (both are "${config.primaryInstanceId}")`);
  }
  if (problems.length > 0) {
    throw new ConfigError(problems);
  }
  return config;
}

class EnvReader {
  constructor(private readonly env: Env, private readonly problems: string[]) {}

  text(name: string, fallback?: string): string {
    const value = this.env[name]?.trim();
    if (value) {
      return value;
    }
    if (fallback === undefined) {
      this.problems.push(`${name} is required`);
      return '';
    }
    return fallback;
  }

  id(name: string, pattern: RegExp, example: string): string {
    const value = this.text(name);
    if (value && !pattern.test(value)) {
      this.problems.push(`${name} must look like ${example} (got "${value}")`);
    }
    return value;
  }

  integer(name: string, options: { min: number; fallback?: number }): number {
    const raw = this.text(name, options.fallback === undefined ? undefined : String(options.fallback));
    const value = Number(raw);
    if (raw && (!/^\d+$/.test(raw) || value < options.min)) {
      this.problems.push(`${name} must be an integer >= ${options.min} (got "${raw}")`);
    }
    return value;
  }
}
