import { errorCode } from './retry';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

/** Names of the failover metrics; the construct's failure alarm watches the last two. */
export type FailoverMetric = 'FailoverSucceeded' | 'FailoverGaveUp' | 'FailoverFailed';

/**
 * Structured JSON logging: one JSON object per line with `time`, `level`, `msg`, `requestId` and the
 * line's fields (plus the logger's bound fields, e.g. `pair`). The reserved keys cannot be overwritten by
 * a field. Lines go to stdout as they are, with no Lambda prefix, so CloudWatch Logs Insights parses them
 * and CloudWatch extracts the embedded metrics.
 */
export class Logger {
  constructor(
    private readonly write: (line: string) => void,
    private readonly now: () => number,
    private readonly bound: LogFields = {},
  ) {}

  /** A logger that adds `fields` to every line (e.g. the request id). */
  child(fields: LogFields): Logger {
    return new Logger(this.write, this.now, { ...this.bound, ...fields });
  }

  debug(msg: string, fields: LogFields = {}): void {
    this.line('debug', msg, fields);
  }
  info(msg: string, fields: LogFields = {}): void {
    this.line('info', msg, fields);
  }
  warn(msg: string, fields: LogFields = {}): void {
    this.line('warn', msg, fields);
  }
  error(msg: string, fields: LogFields = {}): void {
    this.line('error', msg, fields);
  }

  /**
   * Publishes `name` = `value` (Count) in `namespace` with the given dimensions, as a CloudWatch
   * embedded-metric-format line: no API call and no IAM permission, and a metric can never fail the
   * failover it reports on.
   *
   * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html
   */
  metric(namespace: string, name: FailoverMetric, value: number, dimensions: Record<string, string>): void {
    this.line('info', `metric ${name}`, {
      ...dimensions,
      [name]: value,
      _aws: {
        Timestamp: this.now(),
        CloudWatchMetrics: [{ Namespace: namespace, Dimensions: [Object.keys(dimensions)], Metrics: [{ Name: name, Unit: 'Count' }] }],
      },
    });
  }

  private line(level: LogLevel, msg: string, fields: LogFields): void {
    const body = { ...this.bound, ...serializeErrors(fields), time: new Date(this.now()).toISOString(), level, msg };
    this.write(JSON.stringify(body));
  }
}

/** Errors stringify to `{}`; keep what a reader needs instead. */
function serializeErrors(fields: LogFields): LogFields {
  return Object.fromEntries(Object.entries(fields).map(([key, value]) => [
    key,
    value instanceof Error ? { code: errorCode(value), message: value.message } : value,
  ]));
}

/** Writes each line to stdout (not `console.log`, which Lambda prefixes with a timestamp and level). */
export function stdoutLogger(now: () => number, fields: LogFields = {}): Logger {
  return new Logger((line) => process.stdout.write(`${line}\n`), now, fields);
}
