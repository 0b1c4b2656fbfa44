/** The engine connection for every component, and a hook that re-runs a query when data changes. */
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { ArgOf, EngineEventName, EngineEvents, EngineMethod, ResultOf } from '../../../shared/contract.js';
import type { EngineConnection } from '../platform/connect-engine.js';

interface EngineState extends EngineConnection {
  /** Increases with every `dataChanged` event; queries depend on it. */
  dataVersion: number;
}

const EngineContext = createContext<EngineState | null>(null);

export function EngineProvider({ connection, children }: { connection: EngineConnection; children: ReactNode }) {
  const [dataVersion, setDataVersion] = useState(0);
  useEffect(() => connection.client.on('dataChanged', () => setDataVersion((v) => v + 1)), [connection]);
  return <EngineContext.Provider value={{ ...connection, dataVersion }}>{children}</EngineContext.Provider>;
}

export function useEngine(): EngineState {
  const engine = useContext(EngineContext);
  if (!engine) throw new Error('useEngine outside EngineProvider');
  return engine;
}

export interface QueryState<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
}

/**
 * Runs an engine query and re-runs it when its argument or the workspace's data changes.
 * Every read depends on the cost lines, so one data version is enough for now.
 */
export function useEngineQuery<M extends EngineMethod>(method: M, arg: ArgOf<M> | null): QueryState<ResultOf<M>> {
  const { api, dataVersion } = useEngine();
  const key = JSON.stringify(arg);
  const [state, setState] = useState<QueryState<ResultOf<M>>>({ data: undefined, error: undefined, loading: arg !== null });
  useEffect(() => {
    if (arg === null) return;
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    const call = api[method] as (a: ArgOf<M>) => Promise<ResultOf<M>>;
    call(arg).then(
      (data) => current && setState({ data, error: undefined, loading: false }),
      (error: unknown) => current && setState({ data: undefined, error: error instanceof Error ? error : new Error(String(error)), loading: false }),
    );
    return () => {
      current = false;
    };
    // `key` stands for `arg` (compared by value, not identity).
  }, [api, method, key, dataVersion]);
  return state;
}

/** Calls `listener` for every event of that name while the component is mounted (the latest listener). */
export function useEngineEvent<E extends EngineEventName>(name: E, listener: (payload: EngineEvents[E]) => void): void {
  const { client } = useEngine();
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => client.on(name, (payload) => latest.current(payload)), [client, name]);
}
