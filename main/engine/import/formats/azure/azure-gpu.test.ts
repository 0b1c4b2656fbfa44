import { describe, expect, it } from 'vitest';
import { gpuHoursText, gpusOfAdditionalInfo, gpusOfMeter } from './azure-gpu.js';

describe('GPU VM sizes', () => {
  it('reads GPUs per VM from meter names, spot and low priority included', () => {
    expect(gpusOfMeter('NC24ads A100 v4')).toBe(1);
    expect(gpusOfMeter('NC96ads A100 v4 Spot')).toBe(4);
    expect(gpusOfMeter('ND96isr H100 v5')).toBe(8);
    expect(gpusOfMeter('NC6s v3 Low Priority')).toBe(1);
    expect(gpusOfMeter('NV36ads A10 v5')).toBe(1);
    expect(gpusOfMeter('D2 v3/D2s v3')).toBe(0);
  });

  it('reads the size from AdditionalInfo ServiceType', () => {
    expect(gpusOfAdditionalInfo('{"ServiceType":"Standard_ND96asr_v4","VCPUs":96}')).toBe(8);
    expect(gpusOfAdditionalInfo('{"ServiceType":"Standard_D2s_v3"}')).toBe(0);
    expect(gpusOfAdditionalInfo('')).toBe(0);
  });

  it('counts partial GPUs and rounds GPU hours to six places', () => {
    expect(gpusOfMeter('NV6ads A10 v5')).toBeCloseTo(1 / 6);
    expect(gpuHoursText(12, 1 / 6)).toBe('2');
    expect(gpuHoursText(20, 8)).toBe('160');
  });
});
