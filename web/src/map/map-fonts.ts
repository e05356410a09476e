/**
 * Font stack of map labels. The style names no `glyphs` URL, so MapLibre (>= 5.11) draws text
 * with these local fonts, first one found wins: no glyph request leaves the machine.
 */
export const MAP_FONT_STACK = ['Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', 'sans-serif'];
