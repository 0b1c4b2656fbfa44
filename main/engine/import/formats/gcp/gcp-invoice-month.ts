/** `invoice.month` ("202311") → the FOCUS billing period: the calendar month, end exclusive. */

export interface BillingPeriod {
  start: string;
  end: string;
}

const MONTH = /^(\d{4})-?(\d{2})$/;

export function billingPeriodOf(invoiceMonth: string): BillingPeriod | null {
  const match = MONTH.exec(invoiceMonth.trim());
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
  const iso = (y: number, m: number): string => `${y}-${String(m).padStart(2, '0')}-01T00:00:00Z`;
  return { start: iso(year, month), end: iso(next.year, next.month) };
}

/** billingPeriodOf, cached: a file has one or two invoice months. */
export class InvoiceMonths {
  private readonly cache = new Map<string, BillingPeriod | null>();

  of(text: string): BillingPeriod | null {
    let period = this.cache.get(text);
    if (period === undefined) {
      period = billingPeriodOf(text);
      this.cache.set(text, period);
    }
    return period;
  }
}
