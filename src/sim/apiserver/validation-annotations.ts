// ValidateAnnotations (apimachinery pkg/api/validation/objectmeta.go), bound late (../late): the
// cluster's own writes before the kubectl chunk loads carry only valid annotations.
import { qualifiedNameErrors } from '../api/labels';
import { isOwn } from '../runtime/own';
import { type FieldError, invalid, tooLong } from './errors';

// biome-ignore lint/suspicious/noExplicitAny: annotations are decoded JSON.
type Any = any;

const ANNOTATIONS_LIMIT = 262_144; // TotalAnnotationSizeLimitB
/** Annotation keys already found valid (a pure function's memo: bounded, shared by clusters). */
const GOOD_ANNOTATION_KEYS = new Set<string>();

/** UTF-8 length of a string (Go's len). */
function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // 2 bytes below U+0800, 3 above, 4 for a surrogate pair (2 units): +1, +2, +1 per unit.
    if (c >= 0x80) n += c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 1 : 2;
  }
  return n;
}

/**
 * ValidateAnnotations: each key is a qualified name when lowercased; keys and values together at
 * most 256 KiB (a huge manifest's last-applied annotation hits it).
 */
export function pushAnnotationErrors(out: FieldError[], annotations: Any): void {
  if (!annotations) return;
  let units = 0;
  for (const k in annotations) {
    if (!isOwn(annotations, k)) continue;
    const v = annotations[k];
    units += k.length + (typeof v === 'string' ? v.length : 0);
    if (GOOD_ANNOTATION_KEYS.has(k)) continue;
    const errs = qualifiedNameErrors(k.toLowerCase());
    if (errs.length === 0) {
      // The same few keys (revision, last-applied …) come with every write: remember them.
      if (GOOD_ANNOTATION_KEYS.size >= 1024) GOOD_ANNOTATION_KEYS.clear();
      GOOD_ANNOTATION_KEYS.add(k);
    }
    for (const m of errs) out.push(invalid('metadata.annotations', k, m));
  }
  // Every UTF-16 unit is at most 3 UTF-8 bytes (a surrogate pair, 2 units, is 4 bytes).
  if (units * 3 <= ANNOTATIONS_LIMIT) return;
  let bytes = 0;
  for (const k in annotations) {
    if (!isOwn(annotations, k)) continue;
    const v = annotations[k];
    bytes += utf8Length(k) + (typeof v === 'string' ? utf8Length(v) : 0);
  }
  if (bytes > ANNOTATIONS_LIMIT) out.push(tooLong('metadata.annotations', '', ANNOTATIONS_LIMIT));
}
