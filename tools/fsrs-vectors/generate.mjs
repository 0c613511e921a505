// Generates reference review histories from ts-fsrs for the Java FSRS tests.
// Usage: npm install && node generate.mjs [output-file]
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createEmptyCard, fsrs, Rating, State } from "ts-fsrs";

const TS_FSRS_VERSION = "5.4.2";
const SEED = 20221129;
const HISTORY_COUNT = 240;
const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const here = dirname(fileURLToPath(import.meta.url));
const defaultOutput = resolve(
  here,
  "../../bot-core/src/test/resources/fsrs",
  `ts-fsrs-${TS_FSRS_VERSION}-vectors.json`,
);

const parameters = {
  request_retention: 0.9,
  maximum_interval: 36500,
  enable_fuzz: false,
  enable_short_term: true,
  learning_steps: ["1m", "10m"],
  relearning_steps: ["10m"],
};

// xorshift32 with a fixed seed, so every run writes the same file.
function seededRandom(seed) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 4294967296;
  };
}

const random = seededRandom(SEED);
const between = (min, max) => min + Math.floor(random() * (max - min + 1));
const pick = (weighted) => {
  const total = weighted.reduce((sum, [, w]) => sum + w, 0);
  let roll = random() * total;
  for (const [value, w] of weighted) {
    roll -= w;
    if (roll < 0) return value;
  }
  return weighted[weighted.length - 1][0];
};

// Rating mixes: typical learners, strugglers, and streaks that push intervals to the cap.
const RATING_PROFILES = [
  [[[Rating.Again, 15], [Rating.Hard, 15], [Rating.Good, 50], [Rating.Easy, 20]], 45],
  [[[Rating.Again, 25], [Rating.Hard, 25], [Rating.Good, 25], [Rating.Easy, 25]], 25],
  [[[Rating.Again, 45], [Rating.Hard, 25], [Rating.Good, 25], [Rating.Easy, 5]], 20],
  [[[Rating.Again, 2], [Rating.Hard, 3], [Rating.Good, 15], [Rating.Easy, 80]], 10],
];

// Gap from the previous review: at the due time, a bit early or late, or a free gap.
function nextReviewTime(card, previous) {
  const due = card.due.getTime();
  const kind = pick([
    ["atDue", 30],
    ["nearDue", 15],
    ["minutes", 20],
    ["hours", 10],
    ["days", 12],
    ["months", 8],
    ["years", 5],
  ]);
  switch (kind) {
    case "atDue":
      return due;
    case "nearDue":
      return Math.max(previous + MINUTE, due + between(-36, 36) * HOUR + between(0, 59) * MINUTE);
    case "minutes":
      return previous + between(1, 120) * MINUTE + between(0, 59) * 1000;
    case "hours":
      return previous + between(1, 23) * HOUR + between(0, 59) * MINUTE;
    case "days":
      return previous + between(1, 30) * DAY + between(-300, 300) * MINUTE;
    case "months":
      return previous + between(30, 365) * DAY + between(0, 1439) * MINUTE;
    default:
      return previous + between(1, 5) * 365 * DAY + between(0, 1439) * MINUTE;
  }
}

function startTime() {
  const base = Date.UTC(2020, 0, 1);
  return base + between(0, 6 * 365) * DAY + between(0, 1439) * MINUTE + between(0, 999);
}

const STATE_NAMES = Object.fromEntries(Object.entries(State).filter(([k]) => isNaN(k)).map(([k, v]) => [v, k]));
const RATING_NAMES = { [Rating.Again]: "Again", [Rating.Hard]: "Hard", [Rating.Good]: "Good", [Rating.Easy]: "Easy" };

function generateHistory(scheduler) {
  const profile = pick(RATING_PROFILES);
  const length = between(4, 24);
  const start = startTime();
  let card = createEmptyCard(new Date(start));
  let now = start;
  const steps = [];
  for (let i = 0; i < length; i++) {
    if (i > 0) now = nextReviewTime(card, now);
    const rating = pick(profile);
    const retrievability = scheduler.get_retrievability(card, new Date(now), false);
    card = scheduler.next(card, new Date(now), rating).card;
    steps.push({
      rating: RATING_NAMES[rating],
      review: new Date(now).toISOString(),
      retrievability_before: retrievability,
      stability: card.stability,
      difficulty: card.difficulty,
      state: STATE_NAMES[card.state],
      step: card.learning_steps,
      scheduled_days: card.scheduled_days,
      elapsed_days: card.elapsed_days,
      reps: card.reps,
      lapses: card.lapses,
      due: card.due.toISOString(),
    });
  }
  return { start: new Date(start).toISOString(), steps };
}

const scheduler = fsrs(parameters);
const histories = Array.from({ length: HISTORY_COUNT }, () => generateHistory(scheduler));
const document = {
  generator: `ts-fsrs ${TS_FSRS_VERSION}`,
  seed: SEED,
  parameters: { ...parameters, w: scheduler.parameters.w },
  histories,
};

const output = resolve(process.argv[2] ?? defaultOutput);
mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, JSON.stringify(document) + "\n");
const reviews = histories.reduce((sum, h) => sum + h.steps.length, 0);
console.log(`wrote ${histories.length} histories, ${reviews} reviews to ${output}`);
