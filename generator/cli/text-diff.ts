/**
 * A short diff for `--check`: the region between the common first and last lines of the two texts,
 * cut to a few lines — enough to see what changed, not a full unified diff.
 */
export function shortDiff(before: string, after: string, maxLines = 12): string[] {
  const a = before.split("\n");
  const b = after.split("\n");
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const removed = a.slice(start, endA);
  const added = b.slice(start, endB);
  const lines = [`@@ line ${start + 1}: -${removed.length} +${added.length} @@`];
  const half = Math.max(1, Math.floor(maxLines / 2));
  const take = (xs: string[], sign: string) => {
    for (const x of xs.slice(0, half)) lines.push(`${sign} ${x.length > 160 ? x.slice(0, 157) + "..." : x}`);
    if (xs.length > half) lines.push(`${sign} … ${xs.length - half} more line(s)`);
  };
  take(removed, "-");
  take(added, "+");
  return lines;
}
