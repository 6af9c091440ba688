// The zoom limits the graph keeps to (why: viewport.ts). Apart from viewport.ts so the boot chunk can
// use them without pulling in the camera, which loads after the first paint.

/** 12 px node text × 0.75 = 9 px on screen. */
export const MIN_READABLE_ZOOM = 0.75;
/** "Large text" (projectors): node text at least 12 px. */
export const MIN_READABLE_ZOOM_LARGE = 1;
export const MAX_FIT_ZOOM = 1.25;
