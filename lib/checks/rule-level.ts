/**
 * How serious a `NetworkRules` finding is.
 *
 * ERROR findings become error annotations, which make `app.synth()` and `cdktf synth` fail;
 * WARNING and INFO findings become warning and info annotations.
 */
export enum RuleLevel {
  /** The cloud would reject the configuration, or the network would not work as written. */
  ERROR = 'ERROR',
  /** Works, but against the cloud's guidance or close to a quota; worth a look. */
  WARNING = 'WARNING',
  /** For information only, for example a value the rules cannot verify at synth time. */
  INFO = 'INFO',
}
