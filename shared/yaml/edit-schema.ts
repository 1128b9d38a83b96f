// One edit of the document as the API carries it: the shape `config.edit` takes and the shape a
// diagnostic's quick fix offers, so a fix button sends exactly what it shows.
import { z } from 'zod';

export const documentEditSchema = z.union([
  z.object({ path: z.string().min(1), delete: z.literal(true) }).strict(),
  z.object({ path: z.string().min(1), value: z.unknown() }).strict(),
]);

export type DocumentEditRequest = z.infer<typeof documentEditSchema>;
