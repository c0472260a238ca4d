/**
 * Whether an answer matches what the README shows for it. The README shortens: `…`
 * stands for anything, an id shown as its first eight characters and `…` for the whole
 * id, and a moment of recording for any moment. The session was recorded on
 * `recordedOn`: that date stands for the day the answer was given (`today`).
 */
export function matchesShownAnswer(answer: string, shown: string, recordedOn: string, today: string): boolean {
  const normalised = shown
    .replace(/"[0-9a-f]{8}-…"/g, '"…"')
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/g, '…')
    .split(recordedOn)
    .join(today);
  const pattern = normalised
    .split('…')
    .map((piece) => piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[\\s\\S]*?');
  return new RegExp(`^${pattern}$`).test(answer.trim());
}
