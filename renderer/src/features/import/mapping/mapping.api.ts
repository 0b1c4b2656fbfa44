/** Engine calls of the column-mapping feature: a file's preview, the saved mappings. */
import { useCallback, useEffect, useState } from 'react';
import type { FilePreview, FormatId, SavedColumnMapping, SourceRef } from '../../../../../shared/model.js';
import { useEngine } from '../../../app/engine-context.js';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The head of one source of an import (by the name the validation report gave it). */
export function useFilePreview(files: readonly SourceRef[], source: string) {
  const { api } = useEngine();
  const [state, setState] = useState<{ preview: FilePreview | null; error: string | null }>({ preview: null, error: null });
  useEffect(() => {
    let current = true;
    setState({ preview: null, error: null });
    api.previewFile({ files: [...files], source }).then(
      (preview) => current && setState({ preview, error: null }),
      (error: unknown) => current && setState({ preview: null, error: messageOf(error) }),
    );
    return () => {
      current = false;
    };
  }, [api, files, source]);
  return state;
}

/**
 * The workspace's column mappings, read again when the workspace's data changes or `refreshKey`
 * does (saving a mapping is followed by an import, which changes it).
 */
export function useColumnMappings(refreshKey: unknown) {
  const { api, dataVersion } = useEngine();
  const [mappings, setMappings] = useState<SavedColumnMapping[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    api.listColumnMappings({}).then(
      (found) => current && setMappings(found),
      (failure: unknown) => current && setError(messageOf(failure)),
    );
    return () => {
      current = false;
    };
  }, [api, dataVersion, refreshKey]);
  const remove = useCallback(
    async (format: FormatId) => {
      try {
        setMappings(await api.deleteColumnMapping({ format }));
      } catch (failure) {
        setError(messageOf(failure));
      }
    },
    [api],
  );
  return { mappings, error, remove, clearError: () => setError(null) };
}
