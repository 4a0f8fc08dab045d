/** A price in minor units (Cal.com's), e.g. 9000 usd -> "$90.00"; 0 -> "Free". */
export function formatPrice(price: number, currency: string): string {
  return price === 0 ? "Free" : new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase() }).format(price / 100);
}
