/**
 * Alerts from real detection: an import whose costs hold a spike raises one alert and the
 * `alerts` event; importing more files never raises it again.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AlertsEvent } from '../../../shared/alerts.js';
import { days, writeDailyCosts } from '../../../test/support/daily-costs.js';
import { importPaths, testEngine } from '../../../test/support/engine.js';

const dir = mkdtempSync(join(tmpdir(), 'cost-council-alerts-import-'));

/** 2026-07-01 … 2026-10-28: EC2 at 100 a day with a weekly ripple (±3), and 1,100 on 2026-10-20. */
function ec2(day: string): number {
  if (day === '2026-10-20') return 1100;
  return 100 + ((Date.parse(day) / 86_400_000) % 7) - 3;
}

describe('alerts after an import', () => {
  it('raise the spike once, with the event a desktop notification is made from', async () => {
    const engine = await testEngine();
    const first = join(dir, 'ec2.csv');
    writeDailyCosts(first, days('2026-07-01', 120, (_i, day) => ec2(day)));
    expect((await importPaths(engine, [first])).committed).toBe(true);
    const { alerts, counts } = await engine.call('listAlerts', {});
    // The spike shows in every series of the default dimensions: total, provider, service, sub-account.
    const anomalies = alerts.flatMap((a) => (a.kind === 'anomaly' ? [a.anomaly] : []));
    expect(anomalies.map((a) => `${a.series.dimension}@${a.day}`).sort()).toEqual(['ProviderName@2026-10-20', 'ServiceName@2026-10-20', 'SubAccountName@2026-10-20', 'total@2026-10-20']);
    expect(counts.new).toBe(4);
    for (const anomaly of anomalies) {
      expect(anomaly).toMatchObject({ direction: 'spike', actual: 1100 });
      expect(anomaly.impact).toBeGreaterThan(900);
    }
    // All the money is EC2's: the four series are nested views of it, one incident.
    expect(new Set(alerts.map((a) => a.incident)).size).toBe(1);
    const event = engine.events.find((e) => e.name === 'alerts')?.payload as AlertsEvent;
    expect(event.newAlerts).toBe(4);
    expect(event.incidents).toBe(1);
    expect(event.top).toHaveLength(1);
    expect(event.top[0]?.title).toMatch(/^Spike in .* on 2026-10-20: \+\d+\.\d\d USD \(\+\d+%\) and 3 related series$/);

    // Another file (S3, flat) later: the spike is known, nothing new is raised.
    const second = join(dir, 's3.csv');
    writeDailyCosts(second, days('2026-07-01', 120, () => 20, { service: 'Amazon S3' }));
    engine.events.length = 0;
    expect((await importPaths(engine, [second])).committed).toBe(true);
    expect(engine.events.some((e) => e.name === 'alerts')).toBe(false);
    expect((await engine.call('refreshAlerts', {})).raised).toEqual([]);
    expect((await engine.call('listAlerts', {})).counts.new).toBe(4);
  });
});
