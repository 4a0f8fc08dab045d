/** Sessions per bulk checkout request: short enough to answer in about a second; the page sends a larger selection in several (components/bulk-chunks.ts). */
export const BULK_CHECKOUT_LIMIT = 100;
