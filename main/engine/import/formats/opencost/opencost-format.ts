/**
 * OpenCost / Kubecost cost allocation: the CSV export (`Date, Namespace, ControllerKind,
 * ControllerName, Pod, Container, CPUCoreUsageAverage, …, CPUCost, RAMCost, NetworkCost, PVCost,
 * GPUCost, TotalCost[, Labels][, Label_<name>…]`, one row per allocation and day, old files merged
 * with new ones so later columns may be empty) and the allocation API response (tabulated to the
 * same columns, see opencost-allocation-json.ts).
 *
 * One line per non-zero cost component (CPU, GPU, RAM, storage, network, …), so GPU spend can be
 * attributed on its own; lines of a row add up to its TotalCost exactly: when the components fall
 * short (the CSV has no load balancer, shared or external columns; the API rounds each figure),
 * a line "not itemised by component" carries the difference. Float noise below 1e-9 (4.6 vs
 * 4.6000000000000005) is left out and reported.
 */
import { isNullToken, isoFromSeconds, normaliseDecimalText, parseTimestamp } from '../../values.js';
import { emptyValues, extrasOf, HeaderIndex } from '../canonical-line.js';
import { AT, cell } from '../line-columns.js';
import { addDecimals, negateDecimal } from '../decimal-text.js';
import type { CanonicalLine, FormatAdapter, FormatMatch, RecordMapper } from '../format-adapter.js';
import { COST_COMPONENTS, TOTAL_ONLY, UNITEMISED, type CostComponent } from './cost-components.js';
import { tabulateAllocations } from './opencost-allocation-json.js';
import { LabelTags } from './label-tags.js';
import { plural } from '../../../text/plural.js';

const COMPONENT_COLUMNS = [...COST_COMPONENTS.map((c) => c.column), 'TotalCost'];
const SIGNATURE = ['Date', 'Namespace', 'ControllerKind', 'ControllerName', 'Pod', 'Container', 'CPUCost', 'RAMCost', 'NetworkCost', 'PVCost', 'GPUCost', 'TotalCost'];
const MIN_COST_COLUMNS = 2;
const FLOAT_NOISE = 1e-9;
const DAY = 86_400;
const ZERO = /^[+-]?0*(?:\.0*)?(?:[eE][+-]?\d+)?$/;

/** Path parts of an allocation, most general first, with the resource type each names. */
const PATH: ReadonlyArray<[string, string]> = [['Namespace', 'namespace'], ['ControllerName', 'controller'], ['Pod', 'pod'], ['Container', 'container']];

export const opencostFormat: FormatAdapter = {
  name: 'OpenCost allocation',
  family: 'opencost',
  detect(header): FormatMatch | null {
    const index = new HeaderIndex(header);
    if (index.count(COMPONENT_COLUMNS) < MIN_COST_COLUMNS) return null;
    const hasTime = index.has('Date') || index.has('WindowStart');
    const hasWho = index.has('Namespace') || index.has('Name');
    if (!hasTime && !hasWho) return null;
    return {
      format: index.has('WindowStart') ? 'opencost-allocation-api' : 'opencost-csv',
      score: index.count(SIGNATURE) / SIGNATURE.length,
      missing: [...(hasTime ? [] : ['Date']), ...(hasWho ? [] : ['Namespace'])],
    };
  },
  mapper(header): RecordMapper {
    return new OpencostMapper(new HeaderIndex(header));
  },
  tabulateJson: tabulateAllocations,
};

interface Part {
  component: CostComponent;
  cost: string;
  /** Position of the component's usage column (-1: none). */
  usageIndex: number;
}

class OpencostMapper implements RecordMapper {
  readonly extraColumns: readonly string[];
  private readonly extras: Array<{ name: string; index: number }>;
  private readonly components: Array<CostComponent & { index: number; usageIndex: number }>;
  private readonly total: number;
  private readonly gpuHoursIndex: number;
  private readonly date: number;
  private readonly windowStart: number;
  private readonly windowEnd: number;
  private readonly cluster: number;
  private readonly provider: number;
  private readonly currency: number;
  private readonly name: number;
  private readonly controllerKind: number;
  private readonly path: Array<{ index: number; type: string }>;
  private readonly tags: LabelTags;
  private readonly dayEnds = new Map<string, string | null>();
  private floatNoiseRows = 0;
  private unitemisedRows = 0;
  private unitemised = '0';
  private noTotalRows = 0;
  private readonly missingCurrency: boolean;

  constructor(index: HeaderIndex) {
    this.components = COST_COMPONENTS.map((c) => ({ ...c, index: index.indexOf(c.column), usageIndex: c.usage ? index.indexOf(c.usage.column) : -1 }))
      .filter((c) => c.index >= 0);
    this.total = index.indexOf('TotalCost');
    this.gpuHoursIndex = this.components.find((c) => c.key === 'gpu')?.usageIndex ?? -1;
    this.date = index.indexOf('Date');
    this.windowStart = index.indexOf('WindowStart');
    this.windowEnd = index.indexOf('WindowEnd');
    this.cluster = index.indexOf('Cluster');
    this.provider = index.indexOf('Provider');
    this.currency = index.indexOf('Currency');
    this.missingCurrency = this.currency < 0;
    this.name = index.indexOf('Name');
    this.controllerKind = index.indexOf('ControllerKind');
    this.path = PATH.map(([column, type]) => ({ index: index.indexOf(column), type })).filter((p) => p.index >= 0);
    this.tags = new LabelTags(index);
    const used = new Set([
      ...this.components.flatMap((c) => [c.index, c.usageIndex]), this.total, this.date, this.windowStart, this.windowEnd, this.cluster,
      this.provider, this.currency, this.name, this.controllerKind, ...this.path.map((p) => p.index), ...this.tags.columns,
    ]);
    this.extras = index.names.map((name, i) => ({ name, index: i })).filter((e) => e.name !== '' && !used.has(e.index));
    this.extraColumns = this.extras.map((e) => e.name);
  }

  map(record: readonly string[]): CanonicalLine[] | string {
    const parts: Part[] = [];
    for (const component of this.components) {
      const text = record[component.index] ?? '';
      if (isNullToken(text)) continue;
      const cost = normaliseDecimalText(text);
      if (cost == null) return `${component.column} "${text}" is not a number`;
      parts.push({ component, cost, usageIndex: component.usageIndex });
    }
    const totalText = cell(record, this.total);
    const total = totalText === null ? null : normaliseDecimalText(totalText);
    if (total === undefined) return `TotalCost "${totalText}" is not a number`;
    const tags = this.tags.of(record);
    if (tags.error) return tags.error;

    const lines = this.reconciled(parts, total, record);
    const base = this.base(record, tags.json);
    const extras = extrasOf(record, this.extras, isNullToken);
    return lines.map(({ component, cost, usageIndex }) => {
      const values = base.slice();
      values[AT.billed] = cost;
      values[AT.effective] = cost;
      values[AT.skuId] = component.key;
      values[AT.serviceCategory] = component.serviceCategory;
      values[AT.chargeDescription] = `Kubernetes ${component.label}`;
      if (component.usage && usageIndex >= 0) {
        values[AT.consumedQuantity] = cell(record, usageIndex);
        values[AT.consumedUnit] = component.usage.unit;
        if (component.key === 'gpu') values[AT.gpuHours] = cell(record, usageIndex);
      }
      return { values, extras };
    });
  }

  /** The lines of a row: its non-zero components (and GPU with hours), plus what TotalCost holds beyond them. */
  private reconciled(parts: Part[], total: string | null, record: readonly string[]): Part[] {
    if (parts.length === 0) return [{ component: TOTAL_ONLY, cost: total ?? '0', usageIndex: -1 }];
    const lines = parts.filter((p) => !ZERO.test(p.cost) || (p.component.key === 'gpu' && this.hasGpuHours(record)));
    if (total === null) {
      this.noTotalRows++;
    } else {
      const difference = addDecimals(total, negateDecimal(addDecimals(...parts.map((p) => p.cost))));
      if (!ZERO.test(difference)) {
        if (Math.abs(Number(difference)) < FLOAT_NOISE) {
          this.floatNoiseRows++;
        } else {
          this.unitemisedRows++;
          this.unitemised = addDecimals(this.unitemised, difference);
          lines.push({ component: UNITEMISED, cost: difference, usageIndex: -1 });
        }
      }
    }
    return lines.length > 0 ? lines : [{ component: TOTAL_ONLY, cost: total ?? '0', usageIndex: -1 }];
  }

  private hasGpuHours(record: readonly string[]): boolean {
    const hours = cell(record, this.gpuHoursIndex);
    return hours !== null && !ZERO.test(hours);
  }

  /** The columns every line of the row shares. */
  private base(record: readonly string[], tags: string | null): Array<string | null> {
    const values = emptyValues();
    values[AT.provider] = cell(record, this.provider) ?? 'Kubernetes';
    values[AT.publisher] = 'OpenCost';
    const cluster = cell(record, this.cluster);
    values[AT.subAccountId] = cluster;
    values[AT.subAccountName] = cluster;
    values[AT.subAccountType] = cluster ? 'Cluster' : null;
    const start = cell(record, this.windowStart) ?? cell(record, this.date);
    values[AT.chargeStart] = start;
    values[AT.chargeEnd] = cell(record, this.windowEnd) ?? (start ? this.dayEnd(start) : null);
    values[AT.chargeCategory] = 'Usage';
    values[AT.chargeFrequency] = 'Usage-Based';
    values[AT.serviceName] = 'Kubernetes';
    values[AT.currency] = (cell(record, this.currency) ?? 'USD').toUpperCase();
    values[AT.tags] = tags;
    this.fillResource(values, record);
    return values;
  }

  /** ResourceId: namespace/controller/pod/container (the parts present); the name and type of the deepest. */
  private fillResource(values: Array<string | null>, record: readonly string[]): void {
    const parts: string[] = [];
    let type: string | null = null;
    for (const { index, type: partType } of this.path) {
      const text = cell(record, index);
      if (text === null) continue;
      parts.push(text);
      type = partType === 'controller' ? (cell(record, this.controllerKind) ?? 'controller') : partType;
    }
    const name = cell(record, this.name);
    values[AT.resourceId] = parts.length > 0 ? parts.join('/') : name;
    values[AT.resourceName] = parts.length > 0 ? (parts[parts.length - 1] as string) : name;
    values[AT.resourceType] = type ? `Kubernetes ${type}` : name ? 'Kubernetes allocation' : null;
  }

  /** A day's end for the CSV's Date (the export has one row per allocation and UTC day). */
  private dayEnd(start: string): string | null {
    let end = this.dayEnds.get(start);
    if (end === undefined) {
      const seconds = parseTimestamp(start);
      end = typeof seconds === 'number' ? isoFromSeconds(seconds + DAY) : null;
      this.dayEnds.set(start, end);
    }
    return end;
  }

  warnings(): string[] {
    const warnings: string[] = [];
    if (this.missingCurrency) warnings.push('The export has no currency column: USD assumed (OpenCost reports in its configured currency, USD by default).');
    if (this.unitemisedRows > 0) {
      warnings.push(
        `${plural(this.unitemisedRows, 'row')}: TotalCost differs from the sum of the component costs by ${this.unitemised} in all (load balancer, shared and external costs are not itemised in the CSV export; the API rounds each figure); each difference is a line "Kubernetes cost not itemised by component", so the totals equal TotalCost.`,
      );
    }
    if (this.floatNoiseRows > 0) {
      warnings.push(`${plural(this.floatNoiseRows, 'row')}: TotalCost differs from the sum of its components by less than 1e-9 (float rounding in the export); the components were kept.`);
    }
    if (this.noTotalRows > 0) {
      warnings.push(`${plural(this.noTotalRows, 'row')} without a TotalCost (rows merged from an older export): the cost is the sum of the components present.`);
    }
    return warnings;
  }
}
