/**
 * Masks a person's name to its first character, one star for each further character
 * ('张小明' → '张**', '李四' → '李*'), so that a map user sees that someone is recorded but not
 * who. Names and phones stay masked until roles decide who may see them (issue 9).
 */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '';
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

/** Keeps the first 3 and last 4 digits of a phone number ('13812341234' → '138****1234'). */
export function maskPhone(phone: string): string {
  const chars = Array.from(phone.trim());
  if (chars.length < 8) return '*'.repeat(chars.length);
  return chars.slice(0, 3).join('') + '*'.repeat(chars.length - 7) + chars.slice(-4).join('');
}
