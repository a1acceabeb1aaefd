import { textMetrics } from 'vega';
import { textWidth } from './text-width.ts';

interface TextItem {
  fontSize?: number;
  fontWeight?: string | number;
}

// vega exports textMetrics at run time but its typings leave it out.
declare module 'vega' {
  export const textMetrics: { width: (item: TextItem, text: string) => number };
}

/** Point vega's text measurement at the width table, on the server and in the browser alike. */
export function useTextWidthTable(): void {
  textMetrics.width = (item, text) =>
    textWidth(String(text ?? ''), item.fontSize ?? 11, item.fontWeight === 'bold' || Number(item.fontWeight) >= 600);
}
