import type { FastifyReply } from 'fastify';
import { z } from 'zod';

/** RFC 9457 problem details, as the Dutch API Design Rules ask. */
export const Problem = z
  .object({
    type: z.string().describe('URI die het soort probleem aanduidt'),
    title: z.string().describe('Korte, leesbare samenvatting'),
    status: z.number().int().min(100).max(599),
    detail: z.string().optional(),
    instance: z.string().optional(),
    invalidParams: z
      .array(z.object({ name: z.string(), reason: z.string() }))
      .optional()
      .describe('Velden die niet geldig zijn'),
  })
  .meta({ id: 'Problem' });
export type ProblemBody = z.infer<typeof Problem>;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function sendProblem(reply: FastifyReply, problem: ProblemBody): FastifyReply {
  return reply.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
}
