/**
 * GPU (and AWS Trainium / Inferentia accelerator) counts of the common EC2 accelerated instance
 * sizes, from the EC2 "Accelerated computing" instance type pages; SageMaker's `ml.` types are the
 * same machines. x_GpuHours = instance hours × this count.
 */

const SAME_FOR_SIZES = (family: string, sizes: Record<string, number>): Array<[string, number]> =>
  Object.entries(sizes).map(([size, gpus]) => [`${family}.${size}`, gpus]);

/** g4dn, g5, g6 and g6e share one layout: one GPU up to 16xlarge, 4 at 12x/24xlarge, 8 at 48xlarge. */
const G_LAYOUT = { xlarge: 1, '2xlarge': 1, '4xlarge': 1, '8xlarge': 1, '16xlarge': 1, '12xlarge': 4, '24xlarge': 4, '48xlarge': 8 };

const GPUS = new Map<string, number>([
  ...SAME_FOR_SIZES('p3', { '2xlarge': 1, '8xlarge': 4, '16xlarge': 8 }),
  ['p3dn.24xlarge', 8],
  ['p4d.24xlarge', 8],
  ['p4de.24xlarge', 8],
  ['p5.4xlarge', 1],
  ['p5.48xlarge', 8],
  ['p5e.48xlarge', 8],
  ['p5en.48xlarge', 8],
  ['p6-b200.48xlarge', 8],
  ...SAME_FOR_SIZES('g4dn', { xlarge: 1, '2xlarge': 1, '4xlarge': 1, '8xlarge': 1, '16xlarge': 1, '12xlarge': 4, metal: 8 }),
  ...SAME_FOR_SIZES('g5', G_LAYOUT),
  ...SAME_FOR_SIZES('g6', G_LAYOUT),
  ...SAME_FOR_SIZES('g6e', G_LAYOUT),
  ...SAME_FOR_SIZES('trn1', { '2xlarge': 1, '32xlarge': 16 }),
  ['trn1n.32xlarge', 16],
  ['trn2.48xlarge', 16],
  ...SAME_FOR_SIZES('inf1', { xlarge: 1, '2xlarge': 1, '6xlarge': 4, '24xlarge': 16 }),
  ...SAME_FOR_SIZES('inf2', { xlarge: 1, '8xlarge': 1, '24xlarge': 6, '48xlarge': 12 }),
]);

const INSTANCE_TYPE = /^(?:ml\.)?([a-z0-9-]+\.[a-z0-9]+)$/;
const HOURS = /^(hrs?|hours?)$/i;

/** GPUs of an instance type (`p5.48xlarge`, `ml.g5.2xlarge`), or 0 when it has none we know of. */
export function gpusOf(instanceType: string): number {
  const match = INSTANCE_TYPE.exec(instanceType.trim().toLowerCase());
  return match ? (GPUS.get(match[1] ?? '') ?? 0) : 0;
}

/** The instance type of a line: product/instanceType, else the part after the last ':' of the usage type (`BoxUsage:p5.48xlarge`). */
export function instanceTypeOf(productInstanceType: string, usageType: string): string {
  const direct = productInstanceType.trim();
  if (direct !== '') return direct;
  const colon = usageType.lastIndexOf(':');
  return colon >= 0 ? usageType.slice(colon + 1).trim() : '';
}

export function isHourUnit(unit: string): boolean {
  return HOURS.test(unit.trim());
}
