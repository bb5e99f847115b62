// `node --import ./bench/lib/as-shipped.mjs`: TypeScript compiled as the server ships (see
// as-shipped-hooks.mjs). The benches' server children run under it unless PLENUM_BENCH_LOADER=tsx.
import { register } from 'node:module';

register('./as-shipped-hooks.mjs', import.meta.url);
