/**
 * Request/reply over a message port: `{id, method, arg}` → `{id, ok, value | error}`, with
 * cancellation and events. Works over a browser MessagePort, a Worker, Node's worker_threads
 * MessagePort and Electron's MessagePortMain through the small `RpcPort` adapter each host writes.
 */
import type {
  ArgOf,
  EngineErrorCode,
  EngineErrorData,
  EngineEventName,
  EngineEvents,
  EngineMethod,
  ResultOf,
} from './contract.js';

/** The two things the RPC needs from a port. */
export interface RpcPort {
  post(message: RpcMessage, transfer?: ArrayBuffer[]): void;
  /** Registers the one message listener. */
  listen(onMessage: (message: unknown) => void): void;
}

export type RpcMessage =
  | { type: 'req'; id: number; method: string; arg: unknown }
  | { type: 'cancel'; id: number }
  | { type: 'res'; id: number; ok: true; value: unknown }
  | { type: 'res'; id: number; ok: false; error: EngineErrorData }
  | { type: 'event'; name: EngineEventName; payload: unknown };

/** An error with a code and a message meant for the user. */
export class EngineError extends Error {
  readonly code: EngineErrorCode;
  constructor(code: EngineErrorCode, message: string) {
    super(message);
    this.name = 'EngineError';
    this.code = code;
  }
  toData(): EngineErrorData {
    return { code: this.code, message: this.message };
  }
}

/** What a handler receives beside its argument. */
export interface CallContext {
  requestId: number;
  /** Becomes true when the caller cancels; long jobs check it between chunks. */
  readonly cancelled: boolean;
  emit<E extends EngineEventName>(name: E, payload: EngineEvents[E]): void;
}

export type EngineHandlers = {
  [M in EngineMethod]: (arg: ArgOf<M>, ctx: CallContext) => Promise<ResultOf<M>>;
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function toErrorData(error: unknown): EngineErrorData {
  if (error instanceof EngineError) return error.toData();
  const text = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message: `Internal error: ${text}` };
}

/**
 * Collects the ArrayBuffers of typed arrays at the top of a reply so they move, not copy; only
 * arrays that own their whole buffer (a view into a shared or pooled buffer is copied instead).
 */
function transferablesOf(value: unknown): ArrayBuffer[] {
  if (!isRecord(value)) return [];
  const found: ArrayBuffer[] = [];
  for (const field of Object.values(value)) {
    if (field instanceof Uint8Array && field.buffer instanceof ArrayBuffer && field.byteOffset === 0 && field.byteLength === field.buffer.byteLength) {
      found.push(field.buffer);
    }
  }
  return found;
}

/** Serves the handler table on a port. Unknown methods and malformed messages get an error reply. */
export function serveEngine(port: RpcPort, handlers: EngineHandlers): void {
  const running = new Map<number, { cancelled: boolean }>();
  const emitEvent = <E extends EngineEventName>(name: E, payload: EngineEvents[E]): void =>
    port.post({ type: 'event', name, payload });

  port.listen((message) => {
    if (!isRecord(message) || typeof message.id !== 'number') return;
    if (message.type === 'cancel') {
      const job = running.get(message.id);
      if (job) job.cancelled = true;
      return;
    }
    if (message.type !== 'req') return;
    const id = message.id;
    const method = message.method;
    if (typeof method !== 'string' || !Object.prototype.hasOwnProperty.call(handlers, method)) {
      port.post({ type: 'res', id, ok: false, error: { code: 'UNKNOWN_METHOD', message: `Unknown engine method: ${String(method)}` } });
      return;
    }
    const job = { cancelled: false };
    running.set(id, job);
    const ctx: CallContext = {
      requestId: id,
      get cancelled() {
        return job.cancelled;
      },
      emit: emitEvent,
    };
    const handler = handlers[method as EngineMethod] as (arg: unknown, ctx: CallContext) => Promise<unknown>;
    Promise.resolve()
      .then(() => handler(message.arg ?? {}, ctx))
      .then(
        (value) => port.post({ type: 'res', id, ok: true, value }, transferablesOf(value)),
        (error: unknown) => port.post({ type: 'res', id, ok: false, error: toErrorData(error) }),
      )
      .finally(() => running.delete(id));
  });
}

/** The part of AbortSignal the client uses (declared here: shared/ compiles without the DOM). */
export interface CancelSignal {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
}

export interface CallOptions {
  /** Cancels the request; the promise then rejects with code CANCELLED. */
  signal?: CancelSignal;
}

type Listener<E extends EngineEventName> = (payload: EngineEvents[E]) => void;

/** The caller's side: typed `call`, events, cancellation. */
export class EngineClient {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  private readonly listeners = new Map<EngineEventName, Set<(payload: never) => void>>();

  constructor(private readonly port: RpcPort) {
    port.listen((message) => this.receive(message));
  }

  call<M extends EngineMethod>(method: M, arg: ArgOf<M>, options: CallOptions = {}): Promise<ResultOf<M>> {
    const id = this.nextId++;
    return new Promise<ResultOf<M>>((resolve, reject) => {
      if (options.signal?.aborted) {
        reject(new EngineError('CANCELLED', 'Cancelled.'));
        return;
      }
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      options.signal?.addEventListener('abort', () => this.port.post({ type: 'cancel', id }), { once: true });
      this.port.post({ type: 'req', id, method, arg });
    });
  }

  /** The id the next call will get, so progress events can be matched before the call is made. */
  peekNextId(): number {
    return this.nextId;
  }

  on<E extends EngineEventName>(name: E, listener: Listener<E>): () => void {
    let set = this.listeners.get(name);
    if (!set) {
      set = new Set();
      this.listeners.set(name, set);
    }
    set.add(listener as (payload: never) => void);
    return () => set.delete(listener as (payload: never) => void);
  }

  private receive(message: unknown): void {
    if (!isRecord(message)) return;
    if (message.type === 'event' && typeof message.name === 'string') {
      for (const listener of this.listeners.get(message.name as EngineEventName) ?? []) {
        (listener as (payload: unknown) => void)(message.payload);
      }
      return;
    }
    if (message.type !== 'res' || typeof message.id !== 'number') return;
    const waiting = this.pending.get(message.id);
    if (!waiting) return;
    this.pending.delete(message.id);
    if (message.ok === true) {
      waiting.resolve(message.value);
    } else {
      const data = isRecord(message.error) ? message.error : {};
      const code = typeof data.code === 'string' ? (data.code as EngineErrorCode) : 'INTERNAL';
      const text = typeof data.message === 'string' ? data.message : 'The engine failed without a message.';
      waiting.reject(new EngineError(code, text));
    }
  }
}

/** A typed facade: `api.overview({...})` instead of `client.call('overview', {...})`. */
export type EngineProxy = { [M in EngineMethod]: (arg: ArgOf<M>, options?: CallOptions) => Promise<ResultOf<M>> };

export function engineProxy(client: EngineClient): EngineProxy {
  return new Proxy({} as EngineProxy, {
    get: (_target, method: string) => (arg: unknown, options?: CallOptions) =>
      client.call(method as EngineMethod, arg as never, options),
  });
}
