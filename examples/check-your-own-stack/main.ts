import { CheckYourOwnStack } from './stack';
import { runExample } from '../shared/run-example';

// CHECK_ERRORS=1 adds mistakes AWS would reject: the synth then fails, listing every one of them.
runExample((app) => new CheckYourOwnStack(app, 'check-your-own-stack', { includeErrors: process.env.CHECK_ERRORS === '1' }));
