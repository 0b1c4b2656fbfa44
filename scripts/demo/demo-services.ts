/** The services of the demo, with their FOCUS category and subcategory. */
import type { Service } from './meter-builders.js';

const AI = 'AI and Machine Learning';

export const SERVICE = {
  bedrock: { name: 'Amazon Bedrock', category: AI, subcategory: 'Generative AI' },
  sagemaker: { name: 'Amazon SageMaker', category: AI, subcategory: 'Machine Learning' },
  azureOpenAi: { name: 'Azure OpenAI', category: AI, subcategory: 'Generative AI' },
  vertex: { name: 'Vertex AI', category: AI, subcategory: 'Machine Learning' },
  openAiApi: { name: 'OpenAI API', category: AI, subcategory: 'Generative AI' },
  claudeApi: { name: 'Claude API', category: AI, subcategory: 'Generative AI' },
  ec2: { name: 'Amazon Elastic Compute Cloud', category: 'Compute', subcategory: 'Virtual Machines' },
  eks: { name: 'Amazon Elastic Kubernetes Service', category: 'Compute', subcategory: 'Containers' },
  lambda: { name: 'AWS Lambda', category: 'Compute', subcategory: 'Serverless Compute' },
  azureVmss: { name: 'Virtual Machine Scale Sets', category: 'Compute', subcategory: 'Virtual Machines' },
  computeEngine: { name: 'Compute Engine', category: 'Compute', subcategory: 'Virtual Machines' },
  gke: { name: 'Kubernetes Engine', category: 'Compute', subcategory: 'Containers' },
  s3: { name: 'Amazon Simple Storage Service', category: 'Storage', subcategory: 'Object Storage' },
  ebs: { name: 'Amazon Elastic Block Store', category: 'Storage', subcategory: 'Block Storage' },
  azureDisks: { name: 'Storage', category: 'Storage', subcategory: 'Block Storage' },
  azureStorage: { name: 'Storage Accounts', category: 'Storage', subcategory: 'Object Storage' },
  gcs: { name: 'Cloud Storage', category: 'Storage', subcategory: 'Object Storage' },
  dataTransfer: { name: 'AWS Data Transfer', category: 'Networking', subcategory: 'Data Transfer' },
  vpc: { name: 'Amazon Virtual Private Cloud', category: 'Networking', subcategory: 'Other (Networking)' },
  cloudFront: { name: 'Amazon CloudFront', category: 'Networking', subcategory: 'Content Delivery' },
  azureBandwidth: { name: 'Bandwidth', category: 'Networking', subcategory: 'Data Transfer' },
  gcpNetworking: { name: 'Networking', category: 'Networking', subcategory: 'Data Transfer' },
  rds: { name: 'Amazon Relational Database Service', category: 'Databases', subcategory: 'Relational' },
  elastiCache: { name: 'Amazon ElastiCache', category: 'Databases', subcategory: 'Caching' },
  cloudWatch: { name: 'Amazon CloudWatch', category: 'Management and Governance', subcategory: 'Observability' },
  secretsManager: { name: 'AWS Secrets Manager', category: 'Security', subcategory: 'Credentials' },
  support: { name: 'AWS Support (Enterprise)', category: 'Management and Governance', subcategory: 'Support' },
} as const satisfies Record<string, Service>;
