import { createRequire } from 'node:module';

/**
 * The chart's font: Inter, shipped as TTF inside the `@expo-google-fonts/inter` npm package
 * (no system fonts, so CI, laptops and servers draw the same pixels). Inter covers Polish
 * diacritics (ą ć ę ł ń ó ś ź ż).
 */
export const CHART_FONT_FAMILY = 'Inter';

const require = createRequire(import.meta.url);

let files: readonly string[] | undefined;

/** Absolute paths of the regular and semi-bold TTF files, resolved once through Node's resolver. */
export function chartFontFiles(): readonly string[] {
  files ??= Object.freeze([
    require.resolve('@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf'),
    require.resolve('@expo-google-fonts/inter/600SemiBold/Inter_600SemiBold.ttf'),
  ]);
  return files;
}
