/**
 * What the rows say about the cost view (actual or amortized) and what that means for the totals,
 * for the import report. Actual and amortized exports have the same header; only commitment rows
 * differ: purchases appear only in the actual view, unused commitment rows and covered usage with
 * a cost only in the amortized view.
 */
import type { ChargeFacts } from './azure-charge.js';

export class CostViewEvidence {
  private purchases = 0;
  private amortisedUsage = 0;
  private unused = 0;

  note(facts: ChargeFacts, costIsZero: boolean): void {
    if (facts.commitmentPurchase) this.purchases++;
    else if (facts.unused) this.unused++;
    else if (facts.commitmentUsage && !costIsZero) this.amortisedUsage++;
  }

  warnings(): string[] {
    const amortized = this.unused + this.amortisedUsage;
    const warnings: string[] = [];
    if (this.purchases > 0 && amortized === 0) {
      warnings.push(
        `Actual cost view: ${this.purchases} reservation/savings plan purchase or refund row(s) count in BilledCost but have EffectiveCost 0 ` +
          "(Microsoft's FOCUS conversion amortises them onto the usage they cover, which only the amortized export carries).",
      );
    } else if (amortized > 0 && this.purchases === 0) {
      warnings.push(
        `Amortized cost view: ${amortized} commitment-covered or unused commitment row(s) carry their amortised cost in EffectiveCost; ` +
          'covered usage has BilledCost 0, and the purchases themselves are only in the actual export.',
      );
    } else if (amortized > 0) {
      warnings.push('The file has both purchase rows and amortised commitment rows (actual and amortized data mixed?): each row follows Microsoft\'s FOCUS conversion rules.');
    }
    if (this.purchases > 0 || amortized > 0) {
      warnings.push('Import the actual or the amortized export of a period, not both: on-demand usage is in both and would be counted twice.');
    }
    return warnings;
  }
}
