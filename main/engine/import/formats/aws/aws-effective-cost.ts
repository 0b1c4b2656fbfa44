/**
 * Amortised (effective) cost of a CUR line by its type's rule (aws-line-types.ts), exactly, on the
 * decimal text of the cells. Sources: AWS Well-Architected Labs CUR Query Library ("amortized
 * cost") and finopsfoundation/focus_converters `conversion_configs/aws/effective_cost_S001.yaml`:
 *
 *   SavingsPlanCoveredUsage → savingsPlan/SavingsPlanEffectiveCost
 *   SavingsPlanRecurringFee → savingsPlan/TotalCommitmentToDate − savingsPlan/UsedCommitment
 *   SavingsPlanNegation, SavingsPlanUpfrontFee → 0
 *   DiscountedUsage → reservation/EffectiveCost
 *   RIFee → reservation/UnusedAmortizedUpfrontFeeForBillingPeriod + reservation/UnusedRecurringFee
 *   Fee with a reservation/ReservationARN → 0 (an RI's upfront fee, amortised into its usage)
 *   anything else → lineItem/UnblendedCost
 *
 * A file that lacks the columns a rule needs keeps the unblended cost, and the report says so.
 */
import { addDecimals, negateDecimal } from '../decimal-text.js';
import { isNullToken, normaliseDecimalText } from '../../values.js';
import type { AwsHeader } from './aws-columns.js';
import type { EffectiveRule } from './aws-line-types.js';

interface Column {
  index: number;
  name: string;
}

/** A reason the record is rejected. */
export class CellError {
  constructor(readonly reason: string) {}
}

export class EffectiveCost {
  private readonly spEffective: Column;
  private readonly spTotal: Column;
  private readonly spUsed: Column;
  private readonly riEffective: Column;
  private readonly riUnusedUpfront: Column;
  private readonly riUnusedRecurring: Column;
  private readonly riArn: number;
  /** Line types whose rule could not be applied for lack of columns, with how many lines. */
  readonly fallbacks = new Map<string, number>();

  constructor(header: AwsHeader) {
    const column = (name: string): Column => {
      const index = header.field(name);
      return { index, name: header.names[index] ?? name };
    };
    this.spEffective = column('savings_plan_savings_plan_effective_cost');
    this.spTotal = column('savings_plan_total_commitment_to_date');
    this.spUsed = column('savings_plan_used_commitment');
    this.riEffective = column('reservation_effective_cost');
    this.riUnusedUpfront = column('reservation_unused_amortized_upfront_fee_for_billing_period');
    this.riUnusedRecurring = column('reservation_unused_recurring_fee');
    this.riArn = header.field('reservation_reservation_a_r_n', 'reservation_reservation_arn');
  }

  /** The effective cost text of a record, or why it cannot be read. `typeName` names the rule's line type in the report. */
  of(rule: EffectiveRule, record: readonly string[], unblended: string, typeName: string): string | CellError {
    switch (rule) {
      case 'unblended':
        return unblended;
      case 'zero':
        return '0';
      case 'fee':
        return this.riArn >= 0 && !isNullToken(record[this.riArn] ?? '') ? '0' : unblended;
      case 'savings-plan-effective':
        return this.needs([this.spEffective], unblended, typeName) ?? this.decimal(record, this.spEffective);
      case 'reservation-effective':
        return this.needs([this.riEffective], unblended, typeName) ?? this.decimal(record, this.riEffective);
      case 'savings-plan-unused': {
        const missing = this.needs([this.spTotal, this.spUsed], unblended, typeName);
        if (missing !== null) return missing;
        const total = this.decimal(record, this.spTotal);
        const used = this.decimal(record, this.spUsed);
        if (total instanceof CellError) return total;
        if (used instanceof CellError) return used;
        return addDecimals(total, negateDecimal(used));
      }
      case 'reservation-unused': {
        const missing = this.needs([this.riUnusedUpfront, this.riUnusedRecurring], unblended, typeName);
        if (missing !== null) return missing;
        const upfront = this.decimal(record, this.riUnusedUpfront);
        const recurring = this.decimal(record, this.riUnusedRecurring);
        if (upfront instanceof CellError) return upfront;
        if (recurring instanceof CellError) return recurring;
        return addDecimals(upfront, recurring);
      }
    }
  }

  /** Null when every column is in the file; else the unblended cost, counted as a fallback. */
  private needs(columns: Column[], unblended: string, typeName: string): string | null {
    if (columns.every((c) => c.index >= 0)) return null;
    this.fallbacks.set(typeName, (this.fallbacks.get(typeName) ?? 0) + 1);
    return unblended;
  }

  /** A cell's decimal text; an empty cell is 0 (as in the SQL formula, where NULL adds nothing). */
  private decimal(record: readonly string[], column: Column): string | CellError {
    const text = record[column.index] ?? '';
    const value = normaliseDecimalText(text);
    if (value === undefined) return new CellError(`${column.name} "${text}" is not a number`);
    return value ?? '0';
  }
}
