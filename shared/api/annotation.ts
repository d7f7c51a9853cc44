import { z } from 'zod';

/**
 * Marks a reviewer draws on a screenshot before saving an annotated copy.
 * Coordinates are pixels of the image. A rectangle or arrow runs from (x, y)
 * by (width, height), which may be negative (dragged up or left); an arrow
 * points at its end. Text sits with its baseline at (x, y).
 */
export type AnnotationShape =
  | ({ type: 'rect' } & AnnotationSpan)
  | ({ type: 'arrow' } & AnnotationSpan)
  | { type: 'text'; x: number; y: number; text: string; color?: string };

/** Where a rectangle or arrow starts and how far it reaches. */
export interface AnnotationSpan {
  x: number;
  y: number;
  width: number;
  height: number;
  color?: string;
}

/** The colour of marks when none is given: the red of the renderer's preview. */
export const ANNOTATION_COLOR = '#ee0000';
/** Line width and font size in image pixels, shared by the preview and the burned-in copy. */
export const ANNOTATION_LINE_WIDTH = 4;
export const ANNOTATION_FONT_SIZE = 24;
export const ANNOTATION_MAX_SHAPES = 50;
export const ANNOTATION_MAX_TEXT = 200;

const colour = z
  .string()
  .regex(/^#[0-9a-f]{6}$/iu)
  .optional();
const span = { x: z.number(), y: z.number(), width: z.number(), height: z.number(), color: colour };

/** The shapes as the API contract accepts them (sizes against the image are checked where the image is). */
export const annotationShapeSchema: z.ZodType<AnnotationShape> = z.union([
  z.object({ type: z.literal('rect'), ...span }).strict(),
  z.object({ type: z.literal('arrow'), ...span }).strict(),
  z
    .object({ type: z.literal('text'), x: z.number(), y: z.number(), text: z.string().min(1).max(ANNOTATION_MAX_TEXT), color: colour })
    .strict(),
]);
