/**
 * AWS Region codes and the location names the price list (and so product/location) uses for them,
 * for reports that carry only one of the two (older CURs have product/location but no product/region).
 */
const REGIONS: ReadonlyArray<readonly [code: string, location: string]> = [
  ['us-east-1', 'US East (N. Virginia)'],
  ['us-east-2', 'US East (Ohio)'],
  ['us-west-1', 'US West (N. California)'],
  ['us-west-2', 'US West (Oregon)'],
  ['af-south-1', 'Africa (Cape Town)'],
  ['ap-east-1', 'Asia Pacific (Hong Kong)'],
  ['ap-east-2', 'Asia Pacific (Taipei)'],
  ['ap-south-1', 'Asia Pacific (Mumbai)'],
  ['ap-south-2', 'Asia Pacific (Hyderabad)'],
  ['ap-southeast-1', 'Asia Pacific (Singapore)'],
  ['ap-southeast-2', 'Asia Pacific (Sydney)'],
  ['ap-southeast-3', 'Asia Pacific (Jakarta)'],
  ['ap-southeast-4', 'Asia Pacific (Melbourne)'],
  ['ap-southeast-5', 'Asia Pacific (Malaysia)'],
  ['ap-southeast-7', 'Asia Pacific (Thailand)'],
  ['ap-northeast-1', 'Asia Pacific (Tokyo)'],
  ['ap-northeast-2', 'Asia Pacific (Seoul)'],
  ['ap-northeast-3', 'Asia Pacific (Osaka)'],
  ['ca-central-1', 'Canada (Central)'],
  ['ca-west-1', 'Canada West (Calgary)'],
  ['eu-central-1', 'EU (Frankfurt)'],
  ['eu-central-2', 'EU (Zurich)'],
  ['eu-west-1', 'EU (Ireland)'],
  ['eu-west-2', 'EU (London)'],
  ['eu-west-3', 'EU (Paris)'],
  ['eu-south-1', 'EU (Milan)'],
  ['eu-south-2', 'EU (Spain)'],
  ['eu-north-1', 'EU (Stockholm)'],
  ['il-central-1', 'Israel (Tel Aviv)'],
  ['me-south-1', 'Middle East (Bahrain)'],
  ['me-central-1', 'Middle East (UAE)'],
  ['mx-central-1', 'Mexico (Central)'],
  ['sa-east-1', 'South America (Sao Paulo)'],
  ['us-gov-east-1', 'AWS GovCloud (US-East)'],
  ['us-gov-west-1', 'AWS GovCloud (US-West)'],
];

const CODE_BY_LOCATION = new Map(REGIONS.map(([code, location]) => [location.toLowerCase(), code]));
const LOCATION_BY_CODE = new Map(REGIONS.map(([code, location]) => [code, location]));
/** An Availability Zone is its Region plus one letter (`us-east-1a`). */
const ZONE = /^([a-z]{2}(?:-gov)?-[a-z]+-\d)[a-z]$/;

export function regionOfLocation(location: string): string | null {
  return CODE_BY_LOCATION.get(location.trim().toLowerCase()) ?? null;
}

export function locationOfRegion(code: string): string | null {
  return LOCATION_BY_CODE.get(code.trim().toLowerCase()) ?? null;
}

export function regionOfZone(zone: string): string | null {
  return ZONE.exec(zone.trim().toLowerCase())?.[1] ?? null;
}
