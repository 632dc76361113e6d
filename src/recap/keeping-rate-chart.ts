import type { Spec, TextEncodeEntry, TextMark } from 'vega';
import { CHART_FONT_FAMILY, chartFontFiles } from './chart-font.js';

export interface WeeklyRate {
  /** e.g. "W45" or "30 Nov" — the caller formats it. */
  weekLabel: string;
  /** Kept on time + renegotiated early, over all due: 0..1, or null when nothing was due. */
  rate: number | null;
  /** How many promises were due that week. */
  due: number;
}

export interface ChartText {
  /** e.g. "Promises kept or renegotiated early". */
  title: string;
  /** Label for weeks with nothing due in the text version, e.g. "—" (the chart leaves a gap). */
  noData: string;
  /** What a point stands on, under each week: "7 promises". */
  count: (due: number) => string;
}

const WIDTH = 800;
const HEIGHT = 400;
const PADDING = { top: 76, right: 28, bottom: 60, left: 60 } as const;
const BRAND = '#1d4e3f';
const INK = '#1f2933';
const MUTED = '#6b7280';
const GRID = '#e5e7eb';
const TITLE_X = 20;
const TITLE_Y = 34;
/** Inter at 18px fits about this many characters across the image. */
const TITLE_MAX_CHARS = 76;
const X = { scale: 'x', field: 'key' };
const Y = { scale: 'y', field: 'pct' };

interface Datum {
  key: string;
  week: string;
  pct: number | null;
  label: string;
  /** How many promises the point stands on, shown under the week's label. */
  count: string;
  /** Label under the point: a valley with room below, where a label above would sit on the line. */
  below: boolean;
}

/** 0..100 rounded to a whole percent, or null for no data (null, NaN, infinities). */
function percent(rate: number | null): number | null {
  if (rate === null || !Number.isFinite(rate)) return null;
  return Math.round(Math.min(1, Math.max(0, rate)) * 100);
}

function truncate(value: string, max: number): string {
  const chars = [...value];
  return chars.length <= max
    ? value
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}

function toData(weeks: readonly WeeklyRate[], text: ChartText): Datum[] {
  const pcts = weeks.map((week) => percent(week.rate));
  return weeks.map((week, index) => {
    const pct = pcts[index] ?? null;
    const neighbours = [pcts[index - 1], pcts[index + 1]].filter((p): p is number => typeof p === 'number');
    const below = pct !== null && pct >= 15 && neighbours.length > 0 && neighbours.every((p) => p > pct);
    return { key: String(index), week: week.weekLabel, pct, label: pct === null ? text.noData : `${pct}%`, count: text.count(week.due), below };
  });
}

function percentLabels(paint: TextEncodeEntry): TextMark {
  return {
    type: 'text',
    from: { data: 'known' },
    encode: {
      enter: { align: { value: 'center' }, fontSize: { value: 13 }, fontWeight: { value: 600 }, ...paint },
      update: {
        x: X,
        y: Y,
        baseline: { signal: "datum.below ? 'top' : 'bottom'" },
        dy: { signal: 'datum.below ? 10 : -10' },
        text: { field: 'label' },
      },
    },
  };
}

function chartSpec(data: Datum[], title: string): Spec {
  const defined = { signal: 'datum.pct !== null' };
  return {
    width: WIDTH - PADDING.left - PADDING.right,
    height: HEIGHT - PADDING.top - PADDING.bottom,
    padding: { ...PADDING },
    autosize: { type: 'none' },
    background: '#ffffff',
    config: { text: { font: CHART_FONT_FAMILY }, axis: { labelFont: CHART_FONT_FAMILY, titleFont: CHART_FONT_FAMILY } },
    signals: [{ name: 'weekLabels', value: data.map((d) => d.week) }],
    data: [
      { name: 'weeks', values: data },
      { name: 'known', source: 'weeks', transform: [{ type: 'filter', expr: 'datum.pct !== null' }] },
    ],
    scales: [
      { name: 'x', type: 'point', domain: data.map((d) => d.key), range: 'width', padding: 0.5 },
      { name: 'y', type: 'linear', domain: [0, 100], range: 'height', nice: false, zero: true },
    ],
    axes: [
      {
        ...{ orient: 'left', scale: 'y', values: [0, 25, 50, 75, 100], grid: true, gridColor: GRID, domain: false, ticks: false },
        ...{ labelPadding: 10, labelColor: MUTED, labelFontSize: 12 },
        encode: { labels: { update: { text: { signal: "datum.value + '%'" } } } },
      },
      {
        ...{ orient: 'bottom', scale: 'x', domainColor: '#9ca3af', ticks: false },
        ...{ labelPadding: 12, labelColor: INK, labelFontSize: 13, labelOverlap: false },
        encode: { labels: { update: { text: { signal: 'weekLabels[toNumber(datum.value)]' } } } },
      },
    ],
    marks: [
      {
        // A plain text mark rather than Vega's title: a title sits above the marks' bounds, which move with the data.
        type: 'text',
        encode: {
          enter: { fontSize: { value: 18 }, fontWeight: { value: 600 }, fill: { value: BRAND }, baseline: { value: 'alphabetic' } },
          update: { x: { value: TITLE_X - PADDING.left }, y: { value: TITLE_Y - PADDING.top }, text: { value: title } },
        },
      },
      {
        type: 'area',
        from: { data: 'weeks' },
        encode: {
          enter: { fill: { value: BRAND }, fillOpacity: { value: 0.08 }, interpolate: { value: 'linear' } },
          update: { x: X, y: Y, y2: { scale: 'y', value: 0 }, defined },
        },
      },
      {
        type: 'line',
        from: { data: 'weeks' },
        encode: {
          enter: { stroke: { value: BRAND }, strokeWidth: { value: 3 }, strokeJoin: { value: 'round' } },
          update: { x: X, y: Y, defined },
        },
      },
      {
        type: 'symbol',
        from: { data: 'known' },
        encode: {
          enter: { shape: { value: 'circle' }, size: { value: 90 }, fill: { value: BRAND } },
          update: { x: X, y: Y, stroke: { value: '#ffffff' }, strokeWidth: { value: 2 } },
        },
      },
      // Each % label twice: a thick white copy as a halo, so the line never runs through the digits.
      percentLabels({ stroke: { value: '#ffffff' }, strokeWidth: { value: 4 }, strokeJoin: { value: 'round' } }),
      percentLabels({ fill: { value: INK } }),
      // Under each week's label, how many promises its point stands on; a week with none has no point (a gap).
      {
        type: 'text',
        from: { data: 'weeks' },
        encode: {
          enter: { align: { value: 'center' }, baseline: { value: 'top' }, fontSize: { value: 12 }, fill: { value: MUTED } },
          update: { x: X, y: { signal: 'height' }, dy: { value: 34 }, text: { field: 'count' } },
        },
      },
    ],
  };
}

/**
 * The chart as SVG: the keeping rate (0–100 %) per week, each point labelled with its % and, under
 * the week, how many promises it stands on; a week with nothing due has no point, only a gap in the line.
 */
export async function keepingRateSvg(weeks: readonly WeeklyRate[], text: ChartText): Promise<string> {
  const spec = chartSpec(toData(weeks, text), truncate(text.title.trim(), TITLE_MAX_CHARS));
  // Loaded on first use: the renderer is large and only the weekly recap needs it, so the app and
  // the minute-by-minute sweep never carry it in memory.
  const { parse, View } = await import('vega');
  const view = new View(parse(spec), { renderer: 'none', logLevel: 0 });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** The chart as a PNG, 800×400 (keepingRateSvg rasterised by resvg with a bundled font): the same bytes for the same input. */
export async function renderKeepingRateChart(weeks: readonly WeeklyRate[], text: ChartText): Promise<Buffer> {
  const [svg, { Resvg }] = await Promise.all([keepingRateSvg(weeks, text), import('@resvg/resvg-js')]);
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'original' },
    background: '#ffffff',
    // Only the bundled font, never the machine's: the same pixels on every machine.
    font: { loadSystemFonts: false, fontFiles: [...chartFontFiles()], defaultFontFamily: CHART_FONT_FAMILY, sansSerifFamily: CHART_FONT_FAMILY },
    logLevel: 'off',
  });
  return resvg.render().asPng();
}

/** The same data as one text line, for when the upload fails: "W45 80% (5 promises) · W46 — · W47 100% (3 promises)". */
export function keepingRateText(weeks: readonly WeeklyRate[], text: ChartText): string {
  return toData(weeks, text)
    .map((d) => (d.pct === null ? `${d.week} ${d.label}` : `${d.week} ${d.label} (${d.count})`))
    .join(' · ');
}
