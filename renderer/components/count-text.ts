// "1 problem", "2 problems": counts read as words, so screen readers and labels say them right.
export function countText(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
