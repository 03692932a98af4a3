/** Items in consecutive runs of at most `size` (the last may be shorter): for services that take so many at a time. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
