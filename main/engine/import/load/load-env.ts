/** What a loader of one source needs from the import it is part of. */
import type { Dictionary } from '../../db/dictionary.js';
import type { Store } from '../../db/store.js';
import type { EngineDeps } from '../../deps.js';
import type { WorkspaceFormats } from '../formats/workspace-formats.js';
import type { RecordSource } from '../readers/record-source.js';
import type { LineGrain } from '../../../../shared/model.js';
import type { FileLoad } from './file-load.js';

export interface LoadEnv {
  store: Store;
  deps: EngineDeps;
  dictionary: Dictionary;
  formats: WorkspaceFormats;
  source: RecordSource;
  sourceId: number;
  /** How the lines are stored: one row each, or daily groups (daily-grain/). */
  grain: LineGrain;
  /** Yields to the host when one is due (about ten times a second); throws CANCELLED after a cancel. */
  pause(): Promise<void>;
  /** Emits a 'reading' progress event when one is due. */
  progress(load: FileLoad): void;
}
