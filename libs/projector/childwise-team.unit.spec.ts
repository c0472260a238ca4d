import { ChildwiseTeam } from './childwise-team';

describe('ChildwiseTeam', () => {
  it('hands out each batch once, whichever thread asks', () => {
    const first = new ChildwiseTeam(2);
    const second = new ChildwiseTeam(2, first.buffer);
    const taken = [first.takeBatch(), second.takeBatch(), second.takeBatch(), first.takeBatch()];
    expect(taken).toEqual([0, 1, 2, 3]);
  });

  it('lets the last thread to be done with the children through at once (two threads waiting for each other: the rebuild specs)', () => {
    expect(() => new ChildwiseTeam(1).doneWithChildren()).not.toThrow();
  });

  it('stops a thread waiting for the others when one of them failed', () => {
    const team = new ChildwiseTeam(2);
    new ChildwiseTeam(2, team.buffer).failed();
    expect(() => team.doneWithChildren()).toThrow('another thread of the rebuild failed');
  });

  it('gives every document to exactly one thread, and all to a thread alone', () => {
    const ids = Array.from({ length: 1_000 }, (_, i) => `irp-${String(i).padStart(6, '0')}`);
    const team = new ChildwiseTeam(2);
    const shares = [ids.filter((id) => team.owns(0, id)), ids.filter((id) => team.owns(1, id))];
    expect(shares[0].length + shares[1].length).toBe(ids.length);
    expect(shares[0].filter((id) => shares[1].includes(id))).toEqual([]);
    // roughly even
    expect(Math.abs(shares[0].length - shares[1].length)).toBeLessThan(150);
    expect(ids.every((id) => new ChildwiseTeam(1).owns(0, id))).toBe(true);
  });
});
