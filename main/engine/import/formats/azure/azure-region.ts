/**
 * ResourceLocation → FOCUS RegionId. Newer files write the ARM name ("eastus2", "EastUS2"); older
 * ones the display name of the billing system ("US East 2", "EU West"). finops-toolkit lower-cases
 * and removes spaces; the table below adds the legacy display names whose ARM name differs.
 */

const LEGACY_NAMES: ReadonlyMap<string, string> = new Map([
  ['useast', 'eastus'], ['useast2', 'eastus2'], ['uswest', 'westus'], ['uswest2', 'westus2'], ['uswest3', 'westus3'],
  ['uscentral', 'centralus'], ['usnorthcentral', 'northcentralus'], ['ussouthcentral', 'southcentralus'],
  ['uswestcentral', 'westcentralus'], ['euwest', 'westeurope'], ['eunorth', 'northeurope'],
  ['apeast', 'eastasia'], ['apsoutheast', 'southeastasia'], ['jaeast', 'japaneast'], ['jawest', 'japanwest'],
  ['aueast', 'australiaeast'], ['ausoutheast', 'australiasoutheast'], ['aucentral', 'australiacentral'],
  ['brsouth', 'brazilsouth'], ['cacentral', 'canadacentral'], ['caeast', 'canadaeast'],
  ['incentral', 'centralindia'], ['insouth', 'southindia'], ['inwest', 'westindia'],
  ['krcentral', 'koreacentral'], ['krsouth', 'koreasouth'], ['frcentral', 'francecentral'],
  ['dewestcentral', 'germanywestcentral'], ['chnorth', 'switzerlandnorth'], ['noeast', 'norwayeast'],
  ['zanorth', 'southafricanorth'], ['aenorth', 'uaenorth'],
]);

/** Values that name no region. */
const NO_REGION = new Set(['', 'unassigned', 'unknown', 'global', 'n/a', 'notapplicable', 'all regions', 'allregions']);

export function regionIdOf(location: string): string | null {
  const squashed = location.trim().toLowerCase().replace(/[\s-]+/g, '');
  if (NO_REGION.has(squashed) || NO_REGION.has(location.trim().toLowerCase())) return null;
  return LEGACY_NAMES.get(squashed) ?? squashed;
}

/** regionIdOf, cached per distinct location text. */
export class AzureRegions {
  private readonly cache = new Map<string, string | null>();

  idOf(location: string): string | null {
    let id = this.cache.get(location);
    if (id === undefined) {
      id = regionIdOf(location);
      this.cache.set(location, id);
    }
    return id;
  }
}
