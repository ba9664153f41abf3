// Loads ECharts the first time a chart is shown, as its own chunk, and only once: the
// workbench's first screen (catalogue and grid) does not wait for the charting library.
import { useEffect, useState } from 'react';

export type EchartsSetup = typeof import('./echarts-setup');
export type EchartsState = { kind: 'loading' } | { kind: 'ready'; setup: EchartsSetup } | { kind: 'failed' };

let loaded: EchartsSetup | null = null;
let loading: Promise<EchartsSetup> | null = null;

function loadEcharts(): Promise<EchartsSetup> {
  loading ??= import('./echarts-setup').then(
    (setup) => { loaded = setup; return setup; },
    (error: unknown) => { loading = null; throw error; }, // a later chart may try again
  );
  return loading;
}

export function useEcharts(): EchartsState {
  const [state, setState] = useState<EchartsState>(() => (loaded ? { kind: 'ready', setup: loaded } : { kind: 'loading' }));
  useEffect(() => {
    if (state.kind !== 'loading') return;
    let live = true;
    loadEcharts().then(
      (setup) => { if (live) setState({ kind: 'ready', setup }); },
      () => { if (live) setState({ kind: 'failed' }); },
    );
    return () => { live = false; };
  }, [state.kind]);
  return state;
}
