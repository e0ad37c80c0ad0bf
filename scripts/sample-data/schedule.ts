import type { AnnotatorProfile } from './annotators';
import { periodFraction, type Batch } from './calendar';
import type { Rng } from './random';
import type { Task } from './rows';

const MINUTE = 60_000;

/**
 * Places one annotator's units of one batch on the calendar, in queue order. The annotator
 * works on as many working days as their usual hours per day need (at most every day of the
 * batch), picked at random; each day starts near their usual hour (UTC), in sessions of
 * 50–110 min separated by 8–25 min breaks and one 35–60 min lunch break, with a short pause
 * between units. Each day takes about an equal share of the work that is left. Sets
 * `start` and `periodFraction` on every task.
 */
export function scheduleAnnotator(batch: Batch, annotator: AnnotatorProfile, tasks: Task[], rng: Rng): void {
  if (tasks.length === 0) return;
  const work = tasks.reduce((a, t) => a + t.duration, 0);
  const dayCount = Math.min(batch.days.length, Math.max(1, Math.ceil(work / (annotator.dailyHours * 3600))));
  const days = rng
    .shuffle(batch.days)
    .slice(0, dayCount)
    .sort((a, b) => a - b);
  let left = work;
  let next = 0;
  for (const [d, day] of days.entries()) {
    const last = d === days.length - 1;
    const share = last ? left : (left / (days.length - d)) * rng.uniform(0.8, 1.2);
    const budget = last ? Infinity : share;
    let at = day + annotator.startHourUtc * 3600_000 + rng.uniform(0, 45) * MINUTE;
    let sessionEnd = at + rng.uniform(50, 110) * MINUTE;
    let done = 0;
    let lunched = false;
    while (next < tasks.length && done < budget) {
      if (at > sessionEnd) {
        const lunch: boolean = !lunched && done > share / 2;
        lunched ||= lunch;
        at += (lunch ? rng.uniform(35, 60) : rng.uniform(8, 25)) * MINUTE;
        sessionEnd = at + rng.uniform(50, 110) * MINUTE;
      }
      const task = tasks[next++];
      task.start = Math.round(at / 1000) * 1000;
      task.periodFraction = periodFraction(day);
      at = task.start + task.duration * 1000 + Math.round(rng.logNormal(20, 0.6)) * 1000;
      done += task.duration;
      left -= task.duration;
    }
  }
}
