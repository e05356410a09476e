import type { MediationKind } from '@gridmap/shared';
import { MAP_FONT_STACK } from '../../map/map-fonts.ts';
import { MEDIATION_SYMBOLS } from './mediation-symbols.ts';

/** Side of a symbol in CSS pixels; drawn at SYMBOL_PIXEL_RATIO for sharp edges on HiDPI. */
export const SYMBOL_SIZE = 20;
export const SYMBOL_PIXEL_RATIO = 2;

/** Draws a kind's symbol on a canvas and returns its pixels for map.addImage. Needs a DOM. */
export function drawMediationSymbol(kind: MediationKind): ImageData {
  const { glyph, colour } = MEDIATION_SYMBOLS[kind];
  const side = SYMBOL_SIZE * SYMBOL_PIXEL_RATIO;
  const canvas = document.createElement('canvas');
  canvas.width = side;
  canvas.height = side;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('2D canvas is not available to draw mediation symbols');
  const inset = 1.5 * SYMBOL_PIXEL_RATIO; // room for the white border
  const radius = 5 * SYMBOL_PIXEL_RATIO;
  context.beginPath();
  context.roundRect(inset, inset, side - 2 * inset, side - 2 * inset, radius);
  context.fillStyle = colour;
  context.fill();
  context.lineWidth = 1.5 * SYMBOL_PIXEL_RATIO;
  context.strokeStyle = '#ffffff';
  context.stroke();
  context.fillStyle = '#ffffff';
  context.font = `600 ${13 * SYMBOL_PIXEL_RATIO}px ${MAP_FONT_STACK.map((font) => (font.includes(' ') ? `"${font}"` : font)).join(', ')}`;
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  // CJK glyphs sit a little high on the middle baseline; one pixel down centres them optically.
  context.fillText(glyph, side / 2, side / 2 + SYMBOL_PIXEL_RATIO);
  return context.getImageData(0, 0, side, side);
}
