/**
 * A full garbage collection on demand, without starting Node with --expose-gc: the flag set at run time
 * installs `gc` in contexts created afterwards (not in the one already running, where `globalThis.gc`
 * stays undefined).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
export const collect = runInNewContext('gc') as () => void;
