import { describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../../../shared/contract.js';
import type { SourceReport } from '../../../../shared/model.js';
import { dailyGrainNotice, grainText, progressText } from './import-view.js';

const progress = (phase: ProgressEvent['phase']): ProgressEvent => ({
  requestId: 1, file: 'big.csv', fileIndex: 0, fileCount: 2, phase, bytesRead: 512, bytesTotal: 1024, rowsRead: 12_345,
});

const report = (file: string, grain: 'line' | 'daily'): SourceReport => ({
  file, format: 'focus-1.2', status: 'imported', sha256: 'x', sizeBytes: 1, rowsRead: 1, rowsImported: 1, rowsRejected: 0,
  errors: [], extraColumns: [], warnings: [], totals: {}, period: null, grain,
});

describe('import texts', () => {
  it('says how far the reading is', () => {
    expect(progressText(progress('reading'))).toBe('Reading big.csv (file 1 of 2): 50%, 12,345 rows');
  });

  it('says summaries are being built once the file is read, not "Reading … 100%"', () => {
    expect(progressText({ ...progress('indexing'), bytesRead: 1024 })).toBe('Building summaries of big.csv (file 1 of 2, 12,345 rows read)…');
  });

  it('says when a file is finished', () => {
    expect(progressText({ ...progress('done'), bytesRead: 1024 })).toBe('Finished big.csv (file 1 of 2): 12,345 rows');
  });

  it('names how lines are stored', () => {
    expect(grainText({ grain: 'line' })).toBe('Line by line');
    expect(grainText({ grain: undefined })).toBe('Line by line');
    expect(grainText({ grain: 'daily', storedRows: 920_000 })).toBe('920,000 daily groups');
  });

  it('explains a daily grain only for files stored so', () => {
    expect(dailyGrainNotice([report('a.csv', 'line')])).toBeNull();
    expect(dailyGrainNotice([report('a.csv', 'line'), report('b.csv', 'daily')])).toMatch(/^b\.csv was too large to keep line by line in memory, so its lines were rolled up by day: every total is exact/);
  });
});
