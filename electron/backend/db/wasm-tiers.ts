/**
 * Compile sql.js with V8's optimizing wasm tier only (`--no-liftoff`). With the default two tiers,
 * functions start as Liftoff code and are recompiled by TurboFan in the background once hot; starting
 * a worker thread (the parse worker) while that is going on blocked the main thread for 100–500 ms
 * here (measured: a load's first 0.4 s were one event-loop stall, the IPC rule allows 100 ms). One
 * tier removes the stall and costs nothing measurable: sql.js compiles lazily either way, and its
 * hot code is TurboFan code after warm-up anyway. `OPTTRACE_WASM_TIERS=default` keeps V8's default.
 */
import { setFlagsFromString } from 'node:v8';

let applied = false;

/** Call before the first WebAssembly compile of the process (flags apply to later compiles only). */
export function useOptimizingWasmTier(): void {
  if (applied || process.env.OPTTRACE_WASM_TIERS === 'default') return;
  applied = true;
  setFlagsFromString('--no-liftoff');
}
