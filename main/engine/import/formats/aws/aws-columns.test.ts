import { describe, expect, it } from 'vitest';
import { athenaName, AwsHeader, classifyColumn, resourceTagKey, tagsMapKey } from './aws-columns.js';

describe('athenaName', () => {
  it.each([
    ['lineItem/UnblendedCost', 'line_item_unblended_cost'],
    ['lineItem/LineItemType', 'line_item_line_item_type'],
    ['savingsPlan/SavingsPlanARN', 'savings_plan_savings_plan_a_r_n'],
    ['savingsPlan/SavingsPlanEffectiveCost', 'savings_plan_savings_plan_effective_cost'],
    ['reservation/UnusedAmortizedUpfrontFeeForBillingPeriod', 'reservation_unused_amortized_upfront_fee_for_billing_period'],
    ['pricing/publicOnDemandCost', 'pricing_public_on_demand_cost'],
    ['product/ProductName', 'product_product_name'],
    ['product/usagetype', 'product_usagetype'],
    ['bill/PayerAccountId', 'bill_payer_account_id'],
  ])('%s is %s, as AWS names it for Athena', (legacy, snake) => {
    expect(athenaName(legacy)).toBe(snake);
  });
});

describe('tag keys', () => {
  it('drops user: / user_ from user-defined tags and keeps aws: on AWS-generated ones, trimmed', () => {
    expect(resourceTagKey('user:team')).toBe('team');
    expect(resourceTagKey(' user:Cost Center ')).toBe('Cost Center');
    expect(resourceTagKey('user_team')).toBe('team');
    expect(resourceTagKey('aws:createdBy')).toBe('aws:createdBy');
    expect(resourceTagKey('aws_created_by')).toBe('aws:created_by');
    expect(resourceTagKey('team')).toBe('team');
  });

  it('reads the CUR 2.0 tags map: resource tags unprefixed, account tags and cost categories with their prefix', () => {
    expect(tagsMapKey('resourceTags/user:team')).toBe('team');
    expect(tagsMapKey('resourceTags/department')).toBe('department');
    expect(tagsMapKey('accountTag/department')).toBe('accountTag/department');
    expect(tagsMapKey('costCategory/department')).toBe('costCategory/department');
  });
});

describe('classifyColumn', () => {
  it('classifies tag, cost category and map columns of all three namings', () => {
    expect(classifyColumn('resourceTags/user:kubernetes.io/cluster')).toEqual({ kind: 'resourceTag', key: 'kubernetes.io/cluster' });
    expect(classifyColumn('costCategory/Charge type')).toEqual({ kind: 'costCategory', key: 'costCategory/Charge type' });
    expect(classifyColumn('resource_tags_user_insights_project')).toEqual({ kind: 'resourceTag', key: 'insights_project' });
    expect(classifyColumn('resource_tags_aws_created_by')).toEqual({ kind: 'resourceTag', key: 'aws:created_by' });
    expect(classifyColumn('cost_category_cost_center')).toEqual({ kind: 'costCategory', key: 'costCategory/cost_center' });
    expect(classifyColumn('resource_tags')).toEqual({ kind: 'map', map: 'resource_tags' });
    expect(classifyColumn('resource_tags.user_team')).toEqual({ kind: 'mapEntry', map: 'resource_tags', key: 'user_team' });
    expect(classifyColumn('product.product_name')).toEqual({ kind: 'field', name: 'product_product_name' });
    expect(classifyColumn('\uFEFFidentity/LineItemId')).toEqual({ kind: 'field', name: 'identity_line_item_id' });
  });

  it('finds a field by its snake_case name whatever the naming', () => {
    expect(new AwsHeader(['lineItem/UnblendedCost']).field('line_item_unblended_cost')).toBe(0);
    expect(new AwsHeader(['x', 'LINE_ITEM_UNBLENDED_COST']).field('line_item_unblended_cost')).toBe(1);
    expect(new AwsHeader(['lineItem/UnblendedCost']).isLegacy()).toBe(true);
    expect(new AwsHeader(['line_item_unblended_cost', 'resource_tags']).hasMaps()).toBe(true);
  });
});
