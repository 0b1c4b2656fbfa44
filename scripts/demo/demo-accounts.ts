/**
 * Who pays for what in the demo: one company ("Northwind AI") with five providers, their
 * sub-accounts and regions, and the teams and projects its tags name.
 */
import type { BillingAccount, Region, SubAccount } from './focus-line.js';
import { tagsJson } from './focus-line.js';

export const AWS: BillingAccount = {
  providerName: 'AWS', publisherName: 'AWS', invoiceIssuerName: 'AWS',
  id: '514829736012', name: 'Northwind AI (management)', invoicePrefix: 'INV-AWS',
};
export const AZURE: BillingAccount = {
  providerName: 'Microsoft', publisherName: 'Microsoft', invoiceIssuerName: 'Microsoft',
  id: '/providers/Microsoft.Billing/billingAccounts/86115370', name: 'Northwind AI EA', invoicePrefix: 'INV-AZ',
};
export const GOOGLE: BillingAccount = {
  providerName: 'Google Cloud', publisherName: 'Google Cloud', invoiceIssuerName: 'Google',
  id: '01A2B3-C4D5E6-F7A8B9', name: 'Northwind AI billing', invoicePrefix: 'INV-GCP',
};
export const OPENAI: BillingAccount = {
  providerName: 'OpenAI', publisherName: 'OpenAI', invoiceIssuerName: 'OpenAI',
  id: 'org-Nw7fK2pQ9xLm4Rt8', name: 'Northwind AI', invoicePrefix: 'INV-OAI',
};
export const ANTHROPIC: BillingAccount = {
  providerName: 'Anthropic', publisherName: 'Anthropic', invoiceIssuerName: 'Anthropic',
  id: 'org_01J8NWAI4Q7ZK3', name: 'Northwind AI', invoicePrefix: 'INV-ANT',
};

const awsAccount = (id: string, name: string): SubAccount => ({ id, name, type: 'AWS Account' });
const subscription = (id: string, name: string): SubAccount => ({ id, name, type: 'Subscription' });
const gcpProject = (id: string, name: string): SubAccount => ({ id, name, type: 'Project' });
const openAiProject = (id: string, name: string): SubAccount => ({ id, name, type: 'Project' });
const workspace = (id: string, name: string): SubAccount => ({ id, name, type: 'Workspace' });

export const SUB = {
  awsProd: awsAccount('210987654321', 'ml-prod'),
  awsResearch: awsAccount('320987654321', 'ml-research'),
  awsPlatform: awsAccount('430987654321', 'platform-shared'),
  azureProd: subscription('3f9c2a7e-5b1d-4e8a-9c6f-1a2b3c4d5e6f', 'ai-prod'),
  azureResearch: subscription('b84e1f02-7c3d-4a59-8e21-6f0d9c8b7a65', 'research-sandbox'),
  gcpSearch: gcpProject('nw-search-prod', 'Search Production'),
  gcpResearch: gcpProject('nw-research-ml', 'Research ML'),
  openAiSearch: openAiProject('proj_Sx81TqLw0bN3', 'search'),
  openAiSupport: openAiProject('proj_Hd42MvRa7kP9', 'helpdesk'),
  openAiResearch: openAiProject('proj_Rs09GyZe5cW1', 'research'),
  openAiMarketing: openAiProject('proj_Mk63JpUf2dX7', 'marketing'),
  anthropicSupport: workspace('wrkspc_01SUPPORT7F', 'support-bot'),
  anthropicResearch: workspace('wrkspc_01RESEARCH2C', 'research'),
  anthropicPlatform: workspace('wrkspc_01PLATFORM9A', 'code-assistant'),
} as const;

export const REGION = {
  usEast1: { id: 'us-east-1', name: 'US East (N. Virginia)' },
  usWest2: { id: 'us-west-2', name: 'US West (Oregon)' },
  euWest1: { id: 'eu-west-1', name: 'Europe (Ireland)' },
  eastUs: { id: 'eastus', name: 'East US' },
  swedenCentral: { id: 'swedencentral', name: 'Sweden Central' },
  usCentral1: { id: 'us-central1', name: 'Iowa' },
  europeWest4: { id: 'europe-west4', name: 'Netherlands' },
} as const satisfies Record<string, Region>;

export const TEAMS = ['search', 'support-bot', 'research', 'platform', 'marketing'] as const;
export type Team = (typeof TEAMS)[number];

const COST_CENTER: Record<Team, string> = {
  search: 'CC-1010',
  'support-bot': 'CC-1020',
  research: 'CC-2010',
  platform: 'CC-3010',
  marketing: 'CC-4010',
};

/** The Tags JSON of a team's project in an environment (keys: team, project, environment, cost-center). */
export function teamTags(team: Team, project: string, environment: 'prod' | 'staging' | 'dev' | 'research'): string {
  return tagsJson({ team, project, environment, 'cost-center': COST_CENTER[team] });
}
