import { textMetrics } from 'vega';
import { textWidth } from './text-width.ts';

interface TextItem {
  fontSize?: number;
  fontWeight?: string | number;
  /** Widest the text may be drawn; vega cuts a longer one and ends it with an ellipsis. */
  limit?: number;
}

// vega exports textMetrics at run time but its typings leave it out.
declare module 'vega' {
  export const textMetrics: { width: (item: TextItem, text: string) => number };
}

/**
 * Point vega's text measurement at the width table, on the server and in the browser alike.
 * A text with a limit is drawn cut to it, so it is never measured wider: vega sizes the
 * figure from this width, and its own measure caps it the same way.
 */
export function useTextWidthTable(): void {
  textMetrics.width = (item, text) => {
    const width = textWidth(String(text ?? ''), item.fontSize ?? 11, item.fontWeight === 'bold' || Number(item.fontWeight) >= 600);
    return item.limit && item.limit > 0 ? Math.min(width, item.limit) : width;
  };
}
