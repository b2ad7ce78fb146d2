import { describe, expect, it } from 'vitest';
import { throttleProgress, type Progress } from '../../../lib/backup/progress';

describe('throttleProgress', () => {
  function run(reports: [at: number, progress: Progress][], intervalMs = 100): Progress[] {
    const passed: Progress[] = [];
    let clock = 0;
    const report = throttleProgress(
      (p: Progress) => passed.push(p),
      intervalMs,
      () => clock,
    );
    for (const [at, progress] of reports) {
      clock = at;
      report(progress);
    }
    return passed;
  }

  it('passes one report per interval, and always the first and the last of a step', () => {
    const reports: [number, Progress][] = [];
    for (let done = 0; done <= 100; done++) {
      reports.push([done * 10, { label: 'Exporting', done, total: 100 }]);
    }
    const passed = run(reports);
    expect(passed.map((p) => p.done)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
  });

  it('passes a change of label at once, however soon it comes', () => {
    const passed = run([
      [0, { label: 'Reading the file', done: 0, total: 10 }],
      [5, { label: 'Reading the file', done: 5, total: 10 }],
      [6, { label: 'Checking the file', done: 1, total: 2 }],
      [7, { label: 'Checking the file', done: 1, total: 3 }],
      [8, { label: 'Importing', done: 3, total: 4 }],
    ]);
    expect(passed.map((p) => `${p.label} ${p.done}`)).toEqual([
      'Reading the file 0',
      'Checking the file 1',
      'Importing 3',
    ]);
  });

  it('keeps reports without a label (the exports of other formats)', () => {
    const passed = run([
      [0, { done: 0, total: 3 }],
      [50, { done: 1, total: 3 }],
      [150, { done: 2, total: 3 }],
      [160, { done: 3, total: 3 }],
    ]);
    expect(passed.map((p) => p.done)).toEqual([0, 2, 3]);
  });
});
