import { describe, expect, it } from 'vitest';
import { csvField, csvLine } from './csv.ts';

describe('csvField', () => {
  it('quotes text with commas, quotes or line breaks and doubles the quotes', () => {
    expect(csvField('邻里,纠纷')).toBe('"邻里,纠纷"');
    expect(csvField('他说"好"')).toBe('"他说""好"""');
    expect(csvField('两行\n文字')).toBe('"两行\n文字"');
  });

  it('leaves plain text and numbers alone and writes null as empty', () => {
    expect(csvField('邻里纠纷')).toBe('邻里纠纷');
    expect(csvField(3)).toBe('3');
    expect(csvField(null)).toBe('');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('-1+2')).toBe("'-1+2");
  });
});

describe('csvLine', () => {
  it('joins fields with commas and ends with CRLF', () => {
    expect(csvLine([1, 'a', null])).toBe('1,a,\r\n');
  });
});
