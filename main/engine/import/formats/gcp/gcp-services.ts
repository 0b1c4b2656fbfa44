/** Google Cloud service description → FOCUS ServiceCategory (focus_converters' mapping, then ours). */
import { GCP_CATEGORY_BY_SERVICE } from './gcp-category-table.js';

/**
 * Services the focus_converters mapping lacks, added for this project: the Gemini API (Generative
 * Language API) bills model usage outside Vertex AI; "Stackdriver Logging" is the former name of
 * Cloud Logging in older exports.
 */
const SUPPLEMENT: ReadonlyMap<string, string> = new Map([
  ['gemini api', 'AI and Machine Learning'],
  ['generative language api', 'AI and Machine Learning'],
  ['stackdriver logging', 'Management and Governance'],
]);

export function gcpServiceCategory(serviceDescription: string): string {
  const key = serviceDescription.trim().toLowerCase();
  return GCP_CATEGORY_BY_SERVICE.get(key) ?? SUPPLEMENT.get(key) ?? 'Other';
}

/** gcpServiceCategory, cached per distinct description. */
export class GcpServices {
  private readonly cache = new Map<string, string>();

  categoryOf(serviceDescription: string): string {
    let category = this.cache.get(serviceDescription);
    if (category === undefined) {
      category = gcpServiceCategory(serviceDescription);
      this.cache.set(serviceDescription, category);
    }
    return category;
  }
}
