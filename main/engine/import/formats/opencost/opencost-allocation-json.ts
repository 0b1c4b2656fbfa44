/**
 * The OpenCost / Kubecost allocation API response (`/allocation/compute`, `/model/allocation`):
 * `{code, data: [{"<name>": allocation, …}, …]}`, one data element per time window. Each
 * allocation becomes one row with the CSV export's column names, so one mapper reads both.
 * Component costs include their adjustments (cpuCost + cpuCostAdjustment, …), added exactly, as
 * OpenCost's own TotalCost does.
 */
import { cellText, type JsonTable } from '../../readers/json-records.js';
import { addDecimals } from '../decimal-text.js';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isAllocation(value: unknown): value is Json {
  return isObject(value) && ('totalCost' in value || 'cpuCost' in value) && ('window' in value || 'start' in value);
}

/** Cost plus its adjustment, exactly; empty when the allocation has neither. */
function withAdjustment(allocation: Json, cost: string, adjustment: string): string {
  const parts = [cellText(allocation[cost]), cellText(allocation[adjustment])].filter((t) => t !== '');
  return parts.length === 0 ? '' : addDecimals(...parts);
}

const text = (value: unknown): string => cellText(value);

/** Column → how to read it from an allocation (and its properties). */
const COLUMNS: ReadonlyArray<[string, (a: Json, p: Json) => string]> = [
  ['WindowStart', (a) => text(isObject(a.window) ? a.window.start : a.start)],
  ['WindowEnd', (a) => text(isObject(a.window) ? a.window.end : a.end)],
  ['Name', (a) => text(a.name)],
  ['Cluster', (_, p) => text(p.cluster)],
  ['Node', (_, p) => text(p.node)],
  ['Namespace', (_, p) => text(p.namespace)],
  ['ControllerKind', (_, p) => text(p.controllerKind)],
  ['ControllerName', (_, p) => text(p.controller)],
  ['Pod', (_, p) => text(p.pod)],
  ['Container', (_, p) => text(p.container)],
  ['ProviderID', (_, p) => text(p.providerID)],
  ['Labels', (_, p) => (isObject(p.labels) && Object.keys(p.labels).length > 0 ? JSON.stringify(p.labels) : '')],
  ['CPUCoreHours', (a) => text(a.cpuCoreHours)],
  ['RAMByteHours', (a) => text(a.ramByteHours)],
  ['GPUHours', (a) => text(a.gpuHours)],
  ['PVByteHours', (a) => text(a.pvByteHours)],
  ['CPUCost', (a) => withAdjustment(a, 'cpuCost', 'cpuCostAdjustment')],
  ['GPUCost', (a) => withAdjustment(a, 'gpuCost', 'gpuCostAdjustment')],
  ['RAMCost', (a) => withAdjustment(a, 'ramCost', 'ramCostAdjustment')],
  ['PVCost', (a) => withAdjustment(a, 'pvCost', 'pvCostAdjustment')],
  ['NetworkCost', (a) => withAdjustment(a, 'networkCost', 'networkCostAdjustment')],
  ['LoadBalancerCost', (a) => withAdjustment(a, 'loadBalancerCost', 'loadBalancerCostAdjustment')],
  ['SharedCost', (a) => text(a.sharedCost)],
  ['ExternalCost', (a) => text(a.externalCost)],
  ['TotalCost', (a) => text(a.totalCost)],
  ['Minutes', (a) => text(a.minutes)],
  ['CPUCoreRequestAverage', (a) => text(a.cpuCoreRequestAverage)],
  ['CPUCoreUsageAverage', (a) => text(a.cpuCoreUsageAverage)],
  ['RAMBytesRequestAverage', (a) => text(a.ramByteRequestAverage)],
  ['RAMBytesUsageAverage', (a) => text(a.ramByteUsageAverage)],
  ['GPUs', (a) => text(a.gpuCount)],
  ['NetworkTransferBytes', (a) => text(a.networkTransferBytes)],
  ['NetworkReceiveBytes', (a) => text(a.networkReceiveBytes)],
  ['PVBytes', (a) => text(a.pvBytes)],
  ['CPUEfficiency', (a) => text(a.cpuEfficiency)],
  ['RAMEfficiency', (a) => text(a.ramEfficiency)],
  ['TotalEfficiency', (a) => text(a.totalEfficiency)],
];

export const ALLOCATION_HEADER = COLUMNS.map(([name]) => name);

export function tabulateAllocations(document: unknown): JsonTable | null {
  if (!isObject(document) || !Array.isArray(document.data)) return null;
  const sets = document.data.filter((set) => set !== null);
  if (!sets.every(isObject)) return null;
  const allocations = sets.flatMap((set) => Object.values(set));
  if (!allocations.every(isAllocation)) return null;
  if (allocations.length === 0 && !('code' in document)) return null;
  const rows = allocations.map((allocation) => {
    const properties = isObject(allocation.properties) ? allocation.properties : {};
    return COLUMNS.map(([, read]) => read(allocation, properties));
  });
  return { header: [...ALLOCATION_HEADER], rows };
}
