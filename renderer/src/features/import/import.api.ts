/** Runs imports through the engine with progress and cancel, as a small state machine. */
import { useCallback, useRef, useState } from 'react';
import type { ProgressEvent } from '../../../../shared/contract.js';
import type { ImportResult, SourceRef } from '../../../../shared/model.js';
import { EngineError } from '../../../../shared/rpc.js';
import { useEngine } from '../../app/engine-context.js';

export type ImportState =
  | { phase: 'idle' }
  | { phase: 'running'; files: SourceRef[]; progress: ProgressEvent | null }
  | { phase: 'done'; files: SourceRef[]; result: ImportResult; acceptedPartial: boolean; overlapping?: 'replace' | 'keep-both' }
  | { phase: 'cancelled' }
  | { phase: 'error'; message: string };

export function useImport() {
  const { client, api } = useEngine();
  const [state, setState] = useState<ImportState>({ phase: 'idle' });
  const abort = useRef<AbortController | null>(null);

  const start = useCallback(
    async (files: SourceRef[], acceptPartial = false, overlapping?: 'replace' | 'keep-both') => {
      if (files.length === 0) return;
      const controller = new AbortController();
      abort.current = controller;
      setState({ phase: 'running', files, progress: null });
      const requestId = client.peekNextId();
      const stop = client.on('progress', (progress) => {
        if (progress.requestId === requestId) setState({ phase: 'running', files, progress });
      });
      try {
        const result = await api.importFiles({ files, acceptPartial, ...(overlapping ? { overlapping } : {}) }, { signal: controller.signal });
        setState({ phase: 'done', files, result, acceptedPartial: acceptPartial, ...(overlapping ? { overlapping } : {}) });
      } catch (error) {
        if (error instanceof EngineError && error.code === 'CANCELLED') setState({ phase: 'cancelled' });
        else setState({ phase: 'error', message: error instanceof Error ? error.message : String(error) });
      } finally {
        stop();
        abort.current = null;
      }
    },
    [api, client],
  );

  const cancel = useCallback(() => abort.current?.abort(), []);
  const reset = useCallback(() => setState({ phase: 'idle' }), []);
  return { state, start, cancel, reset };
}

/** Files chosen or dropped in the page → what the engine's host can read. */
export function sourceRefsOf(files: readonly File[], pathForFile: ((file: File) => string) | null): SourceRef[] {
  return files.map((file) => (pathForFile ? { kind: 'path', path: pathForFile(file), name: file.name } : { kind: 'blob', name: file.name, blob: file }));
}
