/**
 * OCI `product/service` (upper-case names such as COMPUTE, BLOCK_STORAGE, GENERATIVE_AI) → FOCUS
 * ServiceCategory, by the words in the name. focus_converters has no OCI table, so this is ours;
 * names it does not know are 'Other'.
 */
const RULES: ReadonlyArray<readonly [category: string, words: readonly string[]]> = [
  ['AI and Machine Learning', ['AI', 'GENERATIVE', 'DATA_SCIENCE', 'LANGUAGE', 'VISION', 'SPEECH', 'DOCUMENT_UNDERSTANDING', 'DIGITAL_ASSISTANT']],
  ['Databases', ['DATABASE', 'AUTONOMOUS', 'EXADATA', 'MYSQL', 'NOSQL', 'POSTGRESQL', 'REDIS', 'OPENSEARCH']],
  ['Storage', ['STORAGE', 'OBJECT', 'OBJECTSTORE', 'BLOCK', 'ARCHIVE', 'BACKUP']],
  ['Integration', ['INTEGRATION', 'QUEUE', 'EVENTS', 'API_GATEWAY']],
  ['Networking', ['NETWORK', 'NETWORKING', 'VCN', 'LOAD', 'BALANCER', 'FASTCONNECT', 'DNS', 'CDN', 'GATEWAY', 'VPN']],
  ['Compute', ['COMPUTE', 'OKE', 'CONTAINER', 'CONTAINERS', 'FUNCTIONS', 'KUBERNETES']],
  ['Management and Governance', ['MONITORING', 'LOGGING', 'TELEMETRY', 'NOTIFICATIONS', 'AUDIT', 'MANAGEMENT', 'OBSERVABILITY']],
  ['Security', ['VAULT', 'KMS', 'WAF', 'SECURITY', 'IDENTITY', 'BASTION', 'CLOUD_GUARD']],
  ['Analytics', ['ANALYTICS', 'STREAMING', 'DATA_FLOW', 'DATAFLOW', 'BIG_DATA', 'DATA_INTEGRATION']],
];

const WORD_SPLIT = /[^A-Z0-9]+/;
const KNOWN = new Map<string, string>();

function categoryOf(name: string): string {
  const words = new Set(name.split(WORD_SPLIT));
  for (const [category, keys] of RULES) {
    if (keys.some((key) => (key.includes('_') ? name.includes(key) : words.has(key)))) return category;
  }
  return 'Other';
}

/** The category of a service name (remembered: a report has a few dozen services at most). */
export function ociServiceCategory(service: string): string {
  const name = service.trim().toUpperCase();
  let category = KNOWN.get(name);
  if (category === undefined) {
    category = name === '' ? 'Other' : categoryOf(name);
    if (KNOWN.size < 10_000) KNOWN.set(name, category);
  }
  return category;
}
