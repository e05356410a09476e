import fc from 'fast-check';

// Random and hostile values for the property tests of the write routes (issue 9): what a
// careless or malicious client might send in place of each field.

/** Strings: random (also lone surrogates and control characters), SQL, markup, numbers in words, huge. */
export const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom(
    "'; DROP TABLE areas; --", "1 OR 1=1", "\" OR \"\"=\"", '\u0000', '\uD800', '\u202Eevil', '𠜎'.repeat(500), 'x'.repeat(5_000),
    'NaN', 'Infinity', '-Infinity', '1e309', '-0', '0x10', '<script>alert(1)</script>', '../../etc/passwd', '', ' ', '%00', '__proto__', 'constructor',
  ),
);

/** Numbers: random doubles (JSON has no NaN or Infinity: those come as strings), huge, tiny, negative, fractional. */
export const hostileNumber = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.constantFrom(Number.MAX_SAFE_INTEGER + 2, -0, 1e308, -1e308, 5e-324, 0.1 + 0.2, 2 ** 31, -(2 ** 63)),
  fc.constantFrom('NaN', 'Infinity', '-Infinity', '1e309', '12abc'),
);

/** Any JSON value of the wrong kind. */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  hostileNumber,
  fc.boolean(),
  fc.constant(null),
  fc.array(hostileString, { maxLength: 3 }),
  fc.dictionary(hostileString, hostileString, { maxKeys: 3 }),
  fc.constant({ __proto__: { polluted: true } }),
);

/** A position: a longitude and latitude, or something broken in its place. */
export const hostilePosition = fc.oneof(
  fc.tuple(fc.double({ min: 120, max: 120.2, noNaN: true }), fc.double({ min: 29, max: 29.2, noNaN: true })),
  fc.tuple(hostileNumber, hostileNumber),
  fc.array(hostileNumber, { maxLength: 4 }),
  anyValue,
);

/** Broken GeoJSON: rings open, short, empty or with broken positions; wrong types; wrong depth. */
export const hostileGeometry = fc.oneof(
  fc.record({ type: fc.constantFrom('Polygon', 'MultiPolygon', 'Point', 'LineString', 'GeometryCollection'), coordinates: fc.array(fc.array(hostilePosition, { maxLength: 8 }), { maxLength: 3 }) }),
  fc.record({ type: fc.constant('MultiPolygon'), coordinates: fc.array(fc.array(fc.array(hostilePosition, { maxLength: 8 }), { maxLength: 2 }), { maxLength: 2 }) }),
  fc.record({ type: fc.constant('Polygon'), coordinates: fc.constantFrom([], [[]], [[[120, 29]]], [[[120, 29], [120.1, 29], [120, 29]]]) }),
  fc.record({ type: hostileString, coordinates: anyValue }, { requiredKeys: [] }),
  anyValue,
);

/** Nesting `depth` arrays deep, as JSON text: a parser or validator that recurses may overflow its stack. */
export function deeplyNested(depth: number): string {
  return '['.repeat(depth) + ']'.repeat(depth);
}

/** Request bodies that are not the JSON a route expects: junk text, truncated JSON, deep nesting, other types. */
export const hostileBodyText = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.constantFrom('', 'null', '[]', '"text"', '42', '{', '{"a":', '{"a":1}}', '\uFEFF{}', deeplyNested(100_000), `{"a":${deeplyNested(50_000)}}`),
  anyValue.map((v) => JSON.stringify(v) ?? ''),
);

/** Cookie or header values: printable ASCII only (fetch refuses others before sending), with SQL and quotes. */
export const hostileHeaderValue = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 80 }),
  fc.constantFrom("' OR '1'='1", 'x'.repeat(4_000), '', '%00', 'null'),
);

/**
 * Mostly `valid`, now and then `hostile`: a body whose fields are each hostile a sixth of the
 * time reaches the route's logic past validation often enough to test it too.
 */
export function mostly<T, H>(valid: T | fc.Arbitrary<T>, hostile: fc.Arbitrary<H>): fc.Arbitrary<T | H> {
  const arbitrary = valid instanceof fc.Arbitrary ? (valid as fc.Arbitrary<T>) : fc.constant(valid as T);
  return fc.oneof({ arbitrary: arbitrary as fc.Arbitrary<T | H>, weight: 5 }, { arbitrary: hostile as fc.Arbitrary<T | H>, weight: 1 });
}

/** A path segment from any string, percent-encoded (a lone surrogate cannot be: it becomes U+FFFD). */
export function pathSegment(s: string): string {
  return encodeURIComponent(s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));
}
