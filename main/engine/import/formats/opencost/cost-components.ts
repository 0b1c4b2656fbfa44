/**
 * The cost components of an OpenCost allocation, as the CSV export names them. OpenCost's
 * TotalCost is CPU + GPU + RAM + PV + network + load balancer + shared + external (each with its
 * adjustment); the CSV export carries only the first five, so a difference is expected there.
 * Service categories are FOCUS values; CPU, RAM and GPU are Compute, as EKS and GKE are in the
 * finopsfoundation/focus_converters category mappings (MIT).
 */

export interface CostComponent {
  /** SkuId of the component's lines. */
  key: string;
  /** The cost column. */
  column: string;
  label: string;
  serviceCategory: string;
  /** The usage column that measures the component, and its unit, when the export has it. */
  usage?: { column: string; unit: string };
}

export const COST_COMPONENTS: readonly CostComponent[] = [
  { key: 'cpu', column: 'CPUCost', label: 'CPU', serviceCategory: 'Compute', usage: { column: 'CPUCoreHours', unit: 'Core-Hours' } },
  { key: 'gpu', column: 'GPUCost', label: 'GPU', serviceCategory: 'Compute', usage: { column: 'GPUHours', unit: 'GPU-Hours' } },
  { key: 'ram', column: 'RAMCost', label: 'RAM', serviceCategory: 'Compute', usage: { column: 'RAMByteHours', unit: 'Byte-Hours' } },
  { key: 'pv', column: 'PVCost', label: 'persistent volumes', serviceCategory: 'Storage', usage: { column: 'PVByteHours', unit: 'Byte-Hours' } },
  { key: 'network', column: 'NetworkCost', label: 'network', serviceCategory: 'Networking' },
  { key: 'loadbalancer', column: 'LoadBalancerCost', label: 'load balancers', serviceCategory: 'Networking' },
  { key: 'shared', column: 'SharedCost', label: 'shared costs', serviceCategory: 'Other' },
  { key: 'external', column: 'ExternalCost', label: 'external costs', serviceCategory: 'Other' },
];

/** The line that carries TotalCost − Σ components, when the export does not itemise all of it. */
export const UNITEMISED: CostComponent = { key: 'unitemised', column: 'TotalCost', label: 'cost not itemised by component', serviceCategory: 'Other' };

/** The line of an allocation whose export has only a total. */
export const TOTAL_ONLY: CostComponent = { key: 'total', column: 'TotalCost', label: 'allocation', serviceCategory: 'Compute' };
