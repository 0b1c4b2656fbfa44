import { describe, expect, it } from 'vitest';
import { regionIdOf } from './azure-region.js';
import { resourceNameOf, resourceTypeOf } from './azure-resource.js';
import { azureService } from './azure-services.js';

describe('resource ids', () => {
  it('derives the ARM type, nested types included', () => {
    expect(resourceTypeOf('/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1')).toBe('microsoft.compute/virtualmachines');
    expect(resourceTypeOf('/subscriptions/s/resourceGroups/rg/providers/Microsoft.Sql/servers/s1/databases/db1')).toBe('microsoft.sql/servers/databases');
    expect(resourceTypeOf('/subscriptions/rsid1')).toBeNull();
  });

  it('names a resource by the last segment of its id', () => {
    expect(resourceNameOf('/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/acct1')).toBe('acct1');
    expect(resourceNameOf('')).toBeNull();
  });
});

describe('regionIdOf', () => {
  it('lower-cases ARM names and maps legacy display names', () => {
    expect(regionIdOf('EastUS2')).toBe('eastus2');
    expect(regionIdOf('US East 2')).toBe('eastus2');
    expect(regionIdOf('EU West')).toBe('westeurope');
    expect(regionIdOf('DE West Central')).toBe('germanywestcentral');
    expect(regionIdOf('uksouth')).toBe('uksouth');
  });

  it('gives no region for global and unassigned locations', () => {
    expect(regionIdOf('')).toBeNull();
    expect(regionIdOf('Unassigned')).toBeNull();
    expect(regionIdOf('global')).toBeNull();
  });
});

describe('azureService (finops-toolkit Services open data)', () => {
  it('maps ConsumedService and resource type to the FOCUS service', () => {
    expect(azureService('microsoft.compute', 'microsoft.compute/virtualmachinescalesets', 'Virtual Machines')).toEqual({ name: 'Virtual Machine Scale Sets', category: 'Compute', subcategory: 'Virtual Machines' });
    expect(azureService('microsoft.cognitiveservices', 'microsoft.cognitiveservices/accounts', 'Foundry Models')).toMatchObject({ name: 'Azure AI Services', category: 'AI and Machine Learning' });
  });

  it('falls back to the resource type, the consumed service, then the meter category', () => {
    expect(azureService('', 'microsoft.storage/storageaccounts', 'Storage').name).toBe('Storage Accounts');
    expect(azureService('microsoft.capacity', '', 'Virtual Machines')).toMatchObject({ name: 'Azure Reservations', category: 'Management and Governance' });
    expect(azureService('microsoft.unheardof', '', 'Some Meter')).toEqual({ name: 'Some Meter', category: 'Other', subcategory: null });
  });
});
