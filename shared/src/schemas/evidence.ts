import { z } from 'zod';

/** One evidence file as the supplier and the officer see it (the bytes are downloaded separately). */
export const EvidenceFileSchema = z.object({
  id: z.uuid(),
  questionId: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  createdAt: z.string(),
});
export type EvidenceFile = z.infer<typeof EvidenceFileSchema>;
