import { formatHuman } from './human';
import { formatJson } from './json';
import { Formatter } from './report-context';
import { formatSarif } from './sarif';
import { OutputFormat } from '../args';

/** The formatter of each `--format`. */
export const FORMATTERS: Record<OutputFormat, Formatter> = {
  human: formatHuman,
  json: formatJson,
  sarif: formatSarif,
};
