import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chartFontFiles } from '../../src/recap/chart-font.js';
import { type ChartText, keepingRateSvg, keepingRateText, renderKeepingRateChart, type WeeklyRate } from '../../src/recap/keeping-rate-chart.js';
import { messagesFor } from '../../src/shared/i18n/index.js';

const en = messagesFor('en');
const EN: ChartText = { title: 'Promises kept or renegotiated early', noData: '—', count: en.recap.chart_count };
const PL: ChartText = { title: 'Obietnice dotrzymane lub renegocjowane wcześniej', noData: '—', count: messagesFor('pl').recap.chart_count };

const WEEKS: WeeklyRate[] = [
  { weekLabel: 'W38', rate: 0.8, due: 5 },
  { weekLabel: 'W39', rate: 0.75, due: 4 },
  { weekLabel: 'W40', rate: null, due: 0 },
  { weekLabel: 'W41', rate: 1, due: 3 },
  { weekLabel: 'W42', rate: 0.5, due: 6 },
  { weekLabel: 'W43', rate: 0, due: 2 },
  { weekLabel: 'W44', rate: 2 / 3, due: 3 },
  { weekLabel: 'W45', rate: 0.9, due: 10 },
];

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function weeksWith(rates: (number | null)[]): WeeklyRate[] {
  return rates.map((rate, i) => ({ weekLabel: `W${40 + i}`, rate, due: rate === null || Number.isNaN(rate) ? 0 : 4 }));
}

describe('renderKeepingRateChart', () => {
  it('renders an 800×400 PNG of a few KB', async () => {
    const png = await renderKeepingRateChart(WEEKS, EN);
    expect(pngSize(png)).toEqual({ width: 800, height: 400 });
    expect(png.length).toBeGreaterThan(5_000);
    expect(png.length).toBeLessThan(500_000);
  });

  it('is deterministic: the same input gives the same bytes', async () => {
    const first = await renderKeepingRateChart(WEEKS, EN);
    const second = await renderKeepingRateChart(WEEKS, EN);
    expect(first.equals(second)).toBe(true);
  });

  it('draws the data: different rates give different pictures', async () => {
    const a = await renderKeepingRateChart(WEEKS, EN);
    const b = await renderKeepingRateChart(
      WEEKS.map((w) => ({ ...w, rate: w.rate === null ? null : 1 - w.rate })),
      EN,
    );
    expect(a.equals(b)).toBe(false);
  });

  it('handles weeks with nothing due, including all of them', async () => {
    const allNull = await renderKeepingRateChart(weeksWith(Array(8).fill(null)), EN);
    expect(pngSize(allNull)).toEqual({ width: 800, height: 400 });
    const isolated = await renderKeepingRateChart(weeksWith([null, 0.5, null, null, 1, null, null, 0.25]), EN);
    expect(pngSize(isolated)).toEqual({ width: 800, height: 400 });
    expect(isolated.equals(allNull)).toBe(false);
  });

  it('handles 0 % and 100 % everywhere, and clamps or ignores values out of range', async () => {
    const zero = await renderKeepingRateChart(weeksWith(Array(8).fill(0)), EN);
    const full = await renderKeepingRateChart(weeksWith(Array(8).fill(1)), EN);
    expect(pngSize(zero)).toEqual({ width: 800, height: 400 });
    expect(pngSize(full)).toEqual({ width: 800, height: 400 });
    expect(zero.equals(full)).toBe(false);
    const wild = await renderKeepingRateChart(weeksWith([1.5, -0.2, Number.NaN, 0.5]), EN);
    const tame = await renderKeepingRateChart(weeksWith([1, 0, null, 0.5]), EN);
    expect(wild.equals(tame)).toBe(true);
  });

  it('handles an empty list and more or fewer than 8 weeks', async () => {
    expect(pngSize(await renderKeepingRateChart([], EN))).toEqual({ width: 800, height: 400 });
    expect(pngSize(await renderKeepingRateChart(weeksWith([0.4]), EN))).toEqual({ width: 800, height: 400 });
    expect(pngSize(await renderKeepingRateChart(weeksWith(Array(12).fill(0.6)), EN))).toEqual({ width: 800, height: 400 });
  });

  it('renders a Polish title with its diacritics (not the same as the title without them)', async () => {
    const polish = await renderKeepingRateChart(WEEKS, PL);
    const stripped = await renderKeepingRateChart(WEEKS, { ...PL, title: PL.title.normalize('NFD').replace(/\p{M}/gu, '') });
    expect(pngSize(polish)).toEqual({ width: 800, height: 400 });
    expect(polish.equals(stripped)).toBe(false);
  });

  it('has a real glyph for each Polish letter (each renders unlike a character the font lacks)', async () => {
    const missing = await renderKeepingRateChart(WEEKS, { ...EN, title: '\uE000' });
    for (const letter of 'ąćęłńóśźżĄĆĘŁŃÓŚŹŻ') {
      const png = await renderKeepingRateChart(WEEKS, { ...EN, title: letter });
      expect(png.equals(missing), letter).toBe(false);
    }
  });

  it('shortens a very long title instead of running off the image', async () => {
    const long = await renderKeepingRateChart(WEEKS, { ...EN, title: 'x'.repeat(300) });
    const longer = await renderKeepingRateChart(WEEKS, { ...EN, title: 'x'.repeat(400) });
    expect(long.equals(longer)).toBe(true);
  });

  it('loads its font from an npm package', () => {
    const files = chartFontFiles();
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      expect(file).toMatch(/node_modules.*\.ttf$/);
      expect(existsSync(file)).toBe(true);
    }
  });
});

describe('what the chart shows', () => {
  const pointsIn = (svg: string) => (svg.match(/<g class="mark-symbol[^>]*>(.*?)<\/g>/)?.[1]?.match(/<path/g) ?? []).length;

  it('leaves a week with nothing due without a point or a label near 0 %: a gap in the line', async () => {
    const svg = await keepingRateSvg(weeksWith([0.5, null, null, 1]), EN);
    expect(pointsIn(svg)).toBe(2);
    expect(svg).not.toContain('—');
    expect((await keepingRateSvg(weeksWith(Array(8).fill(null)), EN)).includes('<path transform')).toBe(false);
  });

  it('shows under each week how many promises its point stands on, in both languages', async () => {
    const weeks: WeeklyRate[] = [
      { weekLabel: '20 Nov', rate: 0.5, due: 4 },
      { weekLabel: '27 Nov', rate: null, due: 0 },
      { weekLabel: '4 Dec', rate: 1, due: 1 },
    ];
    const english = await keepingRateSvg(weeks, EN);
    for (const label of ['4 promises', 'none due', '1 promise']) expect(english).toContain(label);
    const polish = await keepingRateSvg([...weeks, { weekLabel: '11 gru', rate: 0.6, due: 5 }], PL);
    for (const label of ['4 obietnice', 'bez terminów', '1 obietnica', '5 obietnic']) expect(polish).toContain(label);
  });
});

describe('keepingRateText', () => {
  it('lists each week with its rounded % and noData for weeks with nothing due', () => {
    expect(keepingRateText(WEEKS, EN)).toBe(
      'W38 80% (5 promises) · W39 75% (4 promises) · W40 — · W41 100% (3 promises) · W42 50% (6 promises) · W43 0% (2 promises) · W44 67% (3 promises) · W45 90% (10 promises)',
    );
  });

  it('uses the given noData label and clamps odd values', () => {
    expect(keepingRateText(weeksWith([null, 1.2, -1, Number.NaN]), { ...PL, noData: 'brak' })).toBe(
      'W40 brak · W41 100% (4 obietnice) · W42 0% (4 obietnice) · W43 brak',
    );
  });

  it('is empty for no weeks', () => {
    expect(keepingRateText([], EN)).toBe('');
  });
});
