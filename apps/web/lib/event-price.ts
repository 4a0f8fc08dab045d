/**
 * An event type's price as the booking dialog shows it. Cal.com keeps prices in the currency's
 * smallest unit; how many decimals that unit has is the currency's own (Intl knows: none for JPY).
 */
export function eventPriceLabel(smallestUnits: number, currencyCode: string): string {
  if (smallestUnits === 0) return "Free";
  try {
    const format = new Intl.NumberFormat("en-US", { style: "currency", currency: currencyCode.toUpperCase() });
    return format.format(smallestUnits / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
  } catch {
    return `${smallestUnits} ${currencyCode.toUpperCase()}`;
  }
}
