import { describe, expect, it } from 'vitest';
import { candidatePaths, keyParts, manifestOf } from './manifest.js';

describe('export manifests', () => {
  it('recognises the AWS CUR, AWS Data Exports and Azure shapes, and nothing else', () => {
    expect(manifestOf({ reportKeys: ['a/b.csv.gz'], assemblyId: 'x' })).toEqual({ kind: 'AWS Cost and Usage Report manifest', keys: ['a/b.csv.gz'] });
    expect(manifestOf({ dataFiles: ['s3://b/p/e-00001.parquet'] })?.kind).toBe('AWS Data Exports manifest');
    expect(manifestOf({ blobs: [{ blobName: 'x/part_0_0001.csv' }] })?.keys).toEqual(['x/part_0_0001.csv']);
    for (const other of [[{ reportKeys: ['x'] }], { data: [] }, { blobs: [{ name: 'x' }] }, { reportKeys: [] }, null, 'x']) expect(manifestOf(other)).toBeNull();
  });

  it('drops the s3:// bucket and refuses keys that climb out of the folder', () => {
    expect(keyParts('s3://acme-billing/exports/e/data/x.csv.gz')).toEqual(['exports', 'e', 'data', 'x.csv.gz']);
    expect(keyParts('../../etc/passwd')).toBeNull();
  });

  it('lines a key up with the folders of the manifest\'s path, nearest first, then tries beside it', () => {
    expect(candidatePaths('/dl/cur/report/20240101-20240201/report-Manifest.json', 'cur/report/20240101-20240201/abc/report-1.csv.gz').map((c) => c.path)).toEqual([
      '/dl/cur/report/20240101-20240201/abc/report-1.csv.gz',
      '/dl/cur/report/20240101-20240201/report-1.csv.gz',
      '/dl/cur/report/20240101-20240201/cur/report/20240101-20240201/abc/report-1.csv.gz',
    ]);
    const exports = candidatePaths('/home/u/e/metadata/BILLING_PERIOD=2024-01/e-Manifest.json', 's3://bucket/prefix/e/data/BILLING_PERIOD=2024-01/e-00001.csv.gz');
    expect(exports[0]).toEqual({ path: '/home/u/e/metadata/BILLING_PERIOD=2024-01/e-00001.csv.gz', shown: 'e-00001.csv.gz' });
    expect(exports[1]).toEqual({ path: '/home/u/e/data/BILLING_PERIOD=2024-01/e-00001.csv.gz', shown: 'data/BILLING_PERIOD=2024-01/e-00001.csv.gz' });
  });

  it('keeps Windows paths as written', () => {
    expect(candidatePaths('C:\\Users\\me\\run-1\\manifest.json', 'exports/focus/run-1/part_0_0001.csv')[0]?.path).toBe('C:\\Users\\me\\run-1\\part_0_0001.csv');
  });
});
