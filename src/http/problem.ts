import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { AppError } from './app-error.ts';

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

/**
 * Runs one service call for an API route: a module's input error (an `AppError` with `.velden`, a Dutch message per
 * field path) becomes problem+json naming the fields as JSON pointers, like schema validation does. Anything else
 * goes to the shared error handler.
 */
export async function metVeldfouten<T>(
  req: { id: string },
  reply: FastifyReply,
  fn: () => Promise<T>,
): Promise<T | FastifyReply> {
  try {
    return await fn();
  } catch (e) {
    const velden = e instanceof AppError ? (e as AppError & { velden?: unknown }).velden : undefined;
    if (!(e instanceof AppError) || !velden || typeof velden !== 'object') throw e;
    return sendProblem(reply, {
      type: `https://wederkerig.nl/problemen/${e.status}`,
      title: e.status === 409 ? 'Dit conflicteert met bestaande gegevens.' : 'De invoer is niet geldig.',
      status: e.status,
      instance: req.id,
      invalidParams: Object.entries(velden as Record<string, string>).map(([veld, reason]) => ({
        name: `/${veld.replaceAll('.', '/')}`,
        reason,
      })),
    });
  }
}
