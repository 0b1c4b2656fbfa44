/**
 * GPUs per Azure N-series VM size, for x_GpuHours = VM hours × GPUs. Counts from Microsoft Learn's
 * VM size pages (NC, NCv2, NCv3, NCasT4_v3, NC A100 v4, NCads H100 v5, ND, NDv2, ND A100 v4,
 * ND H100/H200/MI300X v5, NV, NVv3, NVv4, NVadsA10 v5, NGads V620). Partial-GPU sizes (NVv4,
 * NVadsA10 v5, NGads) count their GPU fraction. Sizes are matched by the meter name ("NC24ads A100
 * v4", "NC6s v3 Spot") or AdditionalInfo's ServiceType ("Standard_NC24ads_A100_v4").
 */

const GPUS: ReadonlyMap<string, number> = new Map([
  ['nc6', 1], ['nc12', 2], ['nc24', 4], ['nc24r', 4],
  ['nc6sv2', 1], ['nc12sv2', 2], ['nc24sv2', 4], ['nc24rsv2', 4],
  ['nc6sv3', 1], ['nc12sv3', 2], ['nc24sv3', 4], ['nc24rsv3', 4],
  ['nc4ast4v3', 1], ['nc8ast4v3', 1], ['nc16ast4v3', 1], ['nc64ast4v3', 4],
  ['nc24adsa100v4', 1], ['nc48adsa100v4', 2], ['nc96adsa100v4', 4],
  ['nc40adsh100v5', 1], ['nc80adish100v5', 2], ['ncc40adsh100v5', 1],
  ['nd6s', 1], ['nd12s', 2], ['nd24s', 4], ['nd24rs', 4], ['nd40rsv2', 8],
  ['nd96asrv4', 8], ['nd96asra100v4', 8], ['nd96amsra100v4', 8],
  ['nd96isrh100v5', 8], ['nd96isrh200v5', 8], ['nd96isrmi300xv5', 8],
  ['nv6', 1], ['nv12', 2], ['nv24', 4], ['nv12sv3', 1], ['nv24sv3', 2], ['nv48sv3', 4],
  ['nv4asv4', 0.125], ['nv8asv4', 0.25], ['nv16asv4', 0.5], ['nv32asv4', 1],
  ['nv6adsa10v5', 1 / 6], ['nv12adsa10v5', 1 / 3], ['nv18adsa10v5', 0.5], ['nv36adsa10v5', 1], ['nv36admsa10v5', 1], ['nv72adsa10v5', 2],
  ['ng8adsv620v1', 0.25], ['ng16adsv620v1', 0.5], ['ng32adsv620v1', 1], ['ng32admsv620v1', 1],
]);

const SERVICE_TYPE = /"ServiceType"\s*:\s*"([^"]+)"/;

function sizeKey(text: string): string {
  return (text.split('/')[0] ?? '')
    .toLowerCase()
    .replace(/^standard_/, '')
    .replace(/\b(low priority|spot|windows|linux)\b/g, '')
    .replace(/[^a-z0-9]/g, '');
}

/** GPUs of the VM size a meter name names, or 0. */
export function gpusOfMeter(meterName: string): number {
  return GPUS.get(sizeKey(meterName)) ?? 0;
}

/** GPUs of the VM size in AdditionalInfo's ServiceType, or 0. */
export function gpusOfAdditionalInfo(additionalInfo: string): number {
  const match = SERVICE_TYPE.exec(additionalInfo);
  return match?.[1] ? (GPUS.get(sizeKey(match[1])) ?? 0) : 0;
}

/** GPU hours as decimal text, rounded to 6 places (a quantity, not money). */
export function gpuHoursText(hours: number, gpus: number): string {
  return String(Math.round(hours * gpus * 1e6) / 1e6);
}
